import { createClient } from 'redis';

export async function probe(url: string) {
  // eslint-disable-next-line redis/require-error-listener -- one-shot health probe, errors surface through connect()
  const probeClient = createClient({ url });
  await probeClient.connect();
  await probeClient.close();
}
