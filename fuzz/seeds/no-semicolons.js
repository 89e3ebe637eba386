import { createClient } from 'redis'

const url = process.env.REDIS_URL ?? 'redis://localhost:6379'
let client

export function connect() {
  if (!client) {
    client = createClient({ url, socket: { connectTimeout: 3000 } })
    client.connect()
  }
  return client
}

const pub = createClient({ url })
const sub = pub.duplicate()
;[pub, sub].forEach((c) => c.on('error', console.error))
