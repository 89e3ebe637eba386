const redis = require('redis');

const client = redis.createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error(err));
client.connect().then(() => console.log('connected'));
