const redis = require("redis");

module.exports = redis.createClient({
  socket: {
    reconnectStrategy: () => false
  }
});
