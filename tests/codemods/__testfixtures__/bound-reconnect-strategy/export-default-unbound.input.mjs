import { createClient } from 'redis';

export default createClient({ socket: { reconnectStrategy: false } });
