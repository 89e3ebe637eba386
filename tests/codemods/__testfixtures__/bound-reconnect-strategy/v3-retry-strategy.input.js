const redis = require('redis');

const client = redis.createClient(6379, 'cache.internal', {
  retry_strategy: () => undefined,
  socket: { reconnectStrategy: false },
});
client.on('error', console.error);
