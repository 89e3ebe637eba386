const client = require('redis').createClient({ socket: { path: '/run/redis.sock' } });

module.exports = client;
