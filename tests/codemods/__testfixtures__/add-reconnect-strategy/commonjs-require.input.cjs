const redis = require('redis');

const client = redis.createClient();
client.on('error', (err) => console.error(err));
client.connect().catch(console.error);

module.exports = client;
