const redis = require('redis');

function connectCache() {
  const cache = redis.createClient();
  cache.on('error', (err) => console.error(err));
  cache.connect().catch((err) => console.error('Redis client failed to connect:', err));
  return cache;
}

module.exports = { connectCache };
