const { createClient } = require('redis');

const client = createClient();
client.on('error', console.error);

process.on('SIGHUP', () => {
  client.connect().catch((err) => console.error('Redis client failed to connect:', err));
});
