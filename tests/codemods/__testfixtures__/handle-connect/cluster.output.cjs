const { createCluster } = require('redis');

const cluster = createCluster({ rootNodes: [{ url: 'redis://10.0.0.1:7000' }] });
cluster.on('error', (err) => console.error(err));
cluster.connect().catch((err) => console.error('Redis cluster failed to connect:', err));

module.exports = cluster;
