const { createClient } = require('redis');

const client = createClient({ socket: { port: 6380, host: 'cache.internal' } });
client.on('error', console.error);
module.exports = client;
