const redis = require('redis');

const client = redis.createClient({ socket: { connectTimeout: 10000 } });
client.on('error', (err) => console.error(err));
client.connect().catch(console.error);

module.exports = client;
