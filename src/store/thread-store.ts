import { openStoreAt } from "./open-store.js";
import type { Store, StoreAddress } from "./store.js";

/** A pool thread's PostgreSQL pools, kept for its next task (connecting costs more than a task). */
const pools = new Map<string, Promise<Store>>();

/**
 * Runs `work` on a pool thread with the store at `address`. An SQLite handle is closed again at
 * once: a thread terminated while it holds one (the pool destroyed at the end of a tournament or
 * at shutdown) can abort the whole process as the native handle is torn down.
 */
export async function withThreadStore<T>(address: StoreAddress, work: (store: Store) => Promise<T>): Promise<T> {
  if (address.kind === "postgres") {
    let pool = pools.get(address.url);
    if (!pool) pools.set(address.url, (pool = openStoreAt(address)));
    return work(await pool);
  }
  const store = await openStoreAt(address);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
