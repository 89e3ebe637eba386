const redis = require('redis');

function connectCache() {
  const cache = redis.createClient();
  cache.on('error', (err) => console.error(err));
  cache.connect();
  return cache;
}

module.exports = { connectCache };
