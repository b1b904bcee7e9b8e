import type { Store } from "./store.js";
import { workspacePath } from "./workspace.js";

/**
 * The workspace every command and the server use: PostgreSQL when `PARLEY_DATABASE_URL` is set
 * (a team's shared server), else the SQLite file (`--db` > `$PARLEY_DB` > `.parley/workspace.db`).
 */
export async function openStore(db?: string): Promise<Store> {
  const url = process.env["PARLEY_DATABASE_URL"];
  if (url) return (await import("./postgres-store.js")).PostgresStore.open(url);
  const { SqliteStore } = await import("./sqlite-store.js");
  return new SqliteStore(workspacePath(db));
}

/** Where the workspace is, for messages (a URL's password is not shown). */
export function storeLocation(db?: string): string {
  const url = process.env["PARLEY_DATABASE_URL"];
  return url ? url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@") : workspacePath(db);
}
