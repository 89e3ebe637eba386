// Cart storage on the production Redis Cluster.
import { createCluster } from 'redis';

const url = process.env.REDIS_CLUSTER_URL ?? 'redis://127.0.0.1:7000';

export const carts = createCluster({
  rootNodes: [{ url }],
});
carts.on('error', (err: Error) => console.error('cart cluster error', err));

export async function addToCart(cartId: string, sku: string, quantity: number): Promise<number> {
  return carts.hIncrBy(`cart:${cartId}`, sku, quantity);
}

export async function getCart(cartId: string): Promise<Record<string, string>> {
  return carts.hGetAll(`cart:${cartId}`);
}
