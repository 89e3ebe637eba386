import { createClient } from 'redis';

const primary = createClient({ socket: { connectTimeout: 3000 } });

export const blocking = primary.duplicate({
  socket: { host: 'replica.internal' },
});
export { primary };
