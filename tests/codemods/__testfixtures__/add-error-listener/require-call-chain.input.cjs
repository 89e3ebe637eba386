const client = require('redis').createClient({ url: process.env.REDIS_URL });

client.connect();

module.exports = client;
