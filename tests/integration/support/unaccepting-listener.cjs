// A loopback TCP listener that never accepts: it listens with a backlog of 1, reports its port,
// then blocks its own event loop for good, so libuv never calls accept(). Once the kernel's accept
// queue is full (the test fills it with a couple of connections), Linux drops further SYNs and a
// new connect() neither succeeds nor fails: it hangs until the client's own timeout.
// Stop it with SIGKILL.
'use strict';
const net = require('node:net');

const server = net.createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  // stdout is a pipe: synchronous on Linux, so the line is out before the loop blocks.
  process.stdout.write(`listening ${server.address().port}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});
