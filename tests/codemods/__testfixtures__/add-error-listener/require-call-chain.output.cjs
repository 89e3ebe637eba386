const client = require('redis').createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error('Redis client error:', err));

client.connect();

module.exports = client;
