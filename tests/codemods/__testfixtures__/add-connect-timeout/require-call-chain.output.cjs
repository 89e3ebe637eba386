const client = require('redis').createClient({
  socket: {
    path: '/run/redis.sock',
    connectTimeout: 10000,
  },
});

module.exports = client;
