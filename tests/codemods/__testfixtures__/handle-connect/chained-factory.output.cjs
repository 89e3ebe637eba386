const { createClient } = require('redis');

const client = createClient()
  .on('error', (err) => console.error(err));
client.connect().catch((err) => console.error('Redis client failed to connect:', err));

createClient().on('error', console.error).connect().catch((err) => console.error('Redis client failed to connect:', err));
