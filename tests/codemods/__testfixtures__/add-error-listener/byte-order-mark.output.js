const client = require('redis').createClient();
client.on('error', (err) => console.error('Redis client error:', err));
client.connect();
