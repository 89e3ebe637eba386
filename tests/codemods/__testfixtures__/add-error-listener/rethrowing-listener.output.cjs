const { createClient } = require('redis');

// A listener that only rethrows is no listener: the throw crashes the process before node-redis reconnects.
const client = createClient();
client.on('error', (err) => {
  console.error('Redis client error:', err);
});

const cache = createClient();
cache.on('error', (err) => {
  console.error('cache error', err);
});

module.exports = { client, cache };
