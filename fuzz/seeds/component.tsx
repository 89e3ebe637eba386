import { createClient } from 'redis';

const cache = createClient();
cache.on('error', (err: unknown) => console.error(err));

export function Badge({ label }: { label: string }) {
  return <b data-ready={cache.isReady}>{label}</b>;
}
