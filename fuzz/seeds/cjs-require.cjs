'use strict';
const redis = require('redis');
const { createClient: makeClient } = require('@redis/client');

const primary = redis.createClient({
  url: process.env.PRIMARY_URL,
  socket: { connectTimeout: 5000 },
});
const replica = makeClient({ url: process.env.REPLICA_URL });
replica.on('error', function onReplicaError(err) {
  console.warn('replica', err.message);
});

module.exports = { primary, replica };
