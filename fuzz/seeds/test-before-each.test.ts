import { createClient } from 'redis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

describe('counter', () => {
  let client: ReturnType<typeof createClient>;

  beforeEach(async () => {
    client = createClient({ socket: { reconnectStrategy: false, connectTimeout: 1000 } });
    await client.connect();
  });

  afterEach(() => client.destroy());

  it('increments', async () => {
    expect(await client.incr('n')).toBe(1);
  });
});
