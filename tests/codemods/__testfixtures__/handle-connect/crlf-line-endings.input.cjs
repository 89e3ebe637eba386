const { createClient } = require('redis');

const client = createClient(); // the cache
client.on('error', console.error);
client.connect(); // started here

module.exports = client;
