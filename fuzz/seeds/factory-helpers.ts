import { createClient } from 'redis';

function makeClient(url: string) {
  return createClient({ url, socket: { reconnectStrategy: (n) => (n > 3 ? new Error('stop') : 100) } });
}

const makeArrow = (url: string) => createClient({ url });

export const a = makeClient('redis://a');
export const b = makeArrow('redis://b');
a.on('error', () => {});

export async function withClient<T>(fn: (c: ReturnType<typeof createClient>) => Promise<T>): Promise<T> {
  const c = await createClient().connect();
  try {
    return await fn(c);
  } finally {
    await c.close();
  }
}
