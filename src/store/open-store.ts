import type { Store, StoreAddress } from "./store.js";

export type { StoreAddress };

/** Where the workspace lives unless `--db` or `PARLEY_DB` says otherwise; every command uses the same rule. */
export const DEFAULT_WORKSPACE = ".parley/workspace.db";

export function workspacePath(given?: string): string {
  return given ?? process.env["PARLEY_DB"] ?? DEFAULT_WORKSPACE;
}

/**
 * The workspace every command and the server use: PostgreSQL when `PARLEY_DATABASE_URL` is set
 * (a team's shared server), else the SQLite file (`--db` > `$PARLEY_DB` > `.parley/workspace.db`).
 */
export function storeAddress(db?: string): StoreAddress {
  const url = process.env["PARLEY_DATABASE_URL"];
  return url ? { kind: "postgres", url } : { kind: "sqlite", file: workspacePath(db) };
}

export async function openStore(db?: string): Promise<Store> {
  return openStoreAt(storeAddress(db));
}

export async function openStoreAt(address: StoreAddress): Promise<Store> {
  if (address.kind === "postgres") return (await import("./postgres-store.js")).PostgresStore.open(address.url);
  const { SqliteStore } = await import("./sqlite-store.js");
  return new SqliteStore(address.file);
}

/** Where the workspace is, for messages (a URL's password is not shown). */
export function storeLocation(db?: string): string {
  const a = storeAddress(db);
  return a.kind === "postgres" ? a.url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@") : a.file;
}
