const { createClient } = require('redis');

const client = createClient(); // the cache
client.on('error', console.error);
client.connect().catch((err) => console.error('Redis client failed to connect:', err)); // started here

module.exports = client;
