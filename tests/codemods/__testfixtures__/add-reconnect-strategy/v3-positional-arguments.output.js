const redis = require('redis');

const client = redis.createClient(6379, 'cache.internal', { connect_timeout: 5000 });
client.on('error', console.error);

module.exports = client;
