const client = require('redis').createClient();
client.connect();
