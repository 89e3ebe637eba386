const { createClient } = require('redis')

let client
beforeEach(() => { client = createClient() })
afterEach(async () => { await client.quit() })

test('ping', async () => {
  await client.connect()
  expect(await client.ping()).toBe('PONG')
})
