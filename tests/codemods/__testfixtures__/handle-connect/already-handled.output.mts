import { createClient } from 'redis';

const a = createClient();
a.on('error', console.error);
await a.connect();

const b = createClient();
b.on('error', console.error);
b.connect().catch((err) => console.error(err));

const c = createClient();
c.on('error', console.error);
void c.connect(); // a deliberate opt-out

const d = createClient();
d.on('error', console.error);
export const ready = d.connect();
