const redis = require('redis');

const client = redis.createClient(6379, 'cache.internal');

client.get('key', (err, value) => console.log(err, value));
