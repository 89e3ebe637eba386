import { createClient } from 'redis';

// Connected by the module that imports it.
export default createClient({ socket: { connectTimeout: 10000 } });
