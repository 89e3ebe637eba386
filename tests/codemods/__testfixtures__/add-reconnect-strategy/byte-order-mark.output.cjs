const { createClient } = require('redis');

module.exports = createClient({
  url: process.env.REDIS_URL,
  socket: {
    reconnectStrategy: (retries, cause) =>
      retries >= 20
        ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)
        : Math.min(2 ** retries * 50, 2000),
  },
});
