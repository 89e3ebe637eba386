import { createClient } from 'redis';

export async function withClient(work) {
	const client = createClient();
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.close();
	}
}
