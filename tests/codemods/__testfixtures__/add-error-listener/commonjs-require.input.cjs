'use strict';

const redis = require('redis');

const client = redis.createClient({ url: process.env.REDIS_URL });

client.connect().then(() => console.log('redis ready'));

module.exports = { client };
