const { createClient } = require('redis');

module.exports = createClient({ url: process.env.REDIS_URL });
module.exports.on('error', (err) => console.error('Redis client error:', err));
