// fixture-path: src/__tests__/cache.test.ts
import { createClient } from 'redis';

// A test's throw-away client: no connect timeout is asked for (testFilePatterns).
export const client = createClient({ url: 'redis://localhost:6379' });
