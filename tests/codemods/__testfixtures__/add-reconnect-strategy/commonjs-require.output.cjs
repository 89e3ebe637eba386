const redis = require('redis');

const client = redis.createClient({
  socket: {
    reconnectStrategy: (retries, cause) =>
      retries >= 20
        ? new Error('Redis: gave up reconnecting after 20 attempts: ' + cause.message)
        : Math.min(2 ** retries * 50, 2000),
  },
});
client.on('error', (err) => console.error(err));
client.connect().catch(console.error);

module.exports = client;
