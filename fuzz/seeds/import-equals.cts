import redis = require('redis');

const client = redis.createClient({ url: 'redis://localhost' });
client.on('error', (err: Error) => console.error(err));

export = client;
