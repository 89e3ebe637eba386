const { createClient } = require('redis');

const client = createClient(6380, 'cache.internal');
client.on('error', console.error);
module.exports = client;
