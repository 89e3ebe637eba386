var redis = require('redis');

var client = redis.createClient(6379, '127.0.0.1', { no_ready_check: true });
client.on('error', function (err) { console.log('Error ' + err); });

var sub = redis.createClient(process.env.REDIS_PORT, process.env.REDIS_HOST);
sub.subscribe('events');
