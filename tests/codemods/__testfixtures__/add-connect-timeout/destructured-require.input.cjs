const { createClient } = require('redis');

module.exports.client = createClient({
  url: process.env.REDIS_URL
});
