import { createClient } from 'redis';

export async function withClient(work) {
	const client = createClient();
	client.on('error', (err) => console.error('Redis client error:', err));
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.close();
	}
}
