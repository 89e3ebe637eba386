import { createClient } from 'redis';

const client = createClient({ socket: { connectTimeout: 1000 } });

export function Status({ name }) {
  const ok = client.isReady;
  return <span className={ok ? 'ok' : 'down'}>{name}: {String(ok)}</span>;
}
