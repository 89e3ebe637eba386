// fixture-path: src/__tests__/client.test.ts
import { createClient } from 'redis';

export const client = createClient({ socket: { reconnectStrategy: false } });
