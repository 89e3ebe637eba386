const redis = require('redis');

const client = redis.createClient({
  socket: { reconnectStrategy: false },
});

module.exports = client;
