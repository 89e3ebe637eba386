import redis = require('redis');

export const client = redis.createClient({
  socket: {
    reconnectStrategy: false,
  },
});
