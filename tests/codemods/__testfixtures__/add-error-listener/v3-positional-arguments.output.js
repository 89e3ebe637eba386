const redis = require('redis');

const client = redis.createClient(6379, 'cache.internal');
client.on('error', (err) => console.error('Redis client error:', err));

client.get('key', (err, value) => console.log(err, value));
