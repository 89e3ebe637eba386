const client = require('redis').createClient();
client.on('error', console.error);
client.connect();
