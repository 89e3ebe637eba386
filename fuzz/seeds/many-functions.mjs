import { createClient } from 'redis';

const g = globalThis;

function first() {
  const r = g.redis ?? createClient();
  r.connect();
  g.redis = r;
}

function second() {
  const r = g.redis ?? createClient();
  r.connect();
  g.redis = r;
}

export { first, second };
