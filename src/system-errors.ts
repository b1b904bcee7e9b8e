import type { Problem } from "./errors.js";

/** What a file-system error means for the user, and what to do about it. */
const ERRNO: Record<string, [string, string]> = {
  ENOENT: ["no such file or folder", "check the path"],
  ENOTDIR: ["a part of the path is not a folder", "check the path"],
  EISDIR: ["is a folder where a file was expected", "give a file path"],
  EEXIST: ["exists already", "choose another path, or --force to replace it"],
  EACCES: ["permission denied", "check the file's permissions, or choose another path"],
  EPERM: ["operation not permitted", "check the file's permissions, or choose another path"],
  EROFS: ["the file system is read-only", "write somewhere writable"],
  ENOSPC: ["no space left on the device", "free some space and run the command again"],
  EDQUOT: ["disk quota exceeded", "free some space and run the command again"],
  EMFILE: ["too many open files", "raise the open-file limit (ulimit -n) or give fewer files"],
  ELOOP: ["too many symbolic links (a link loop?)", "check the links on the path"],
  ENAMETOOLONG: ["the file name is too long", "choose a shorter path"],
};

/** SQLite result codes better-sqlite3 reports, for a workspace database. */
const SQLITE: Record<string, [string, string]> = {
  SQLITE_READONLY: ["the workspace database is read-only", "make it writable, or give --db another file"],
  SQLITE_READONLY_DBMOVED: [
    "the workspace database was moved, deleted or replaced while in use",
    "nothing more is written to it: restore the file (or let a new one be made) and start the command or server again",
  ],
  SQLITE_CANTOPEN: ["cannot open the workspace database", "check that its folder exists and is writable"],
  SQLITE_FULL: [
    "no space left for the workspace database",
    "free some space and run the command again; nothing stored before is lost",
  ],
  SQLITE_IOERR: [
    "the workspace database could not be read or written (I/O error)",
    "check the disk, then run the command again",
  ],
  SQLITE_BUSY: ["the workspace database is busy (another process is writing)", "run the command again when it is done"],
  SQLITE_NOTADB: [
    "is not a Parley workspace (not an SQLite database)",
    "give --db a new file or an existing workspace",
  ],
  SQLITE_CORRUPT: ["the workspace database is damaged", "restore it from a copy, or give --db a new file"],
};

/**
 * The problem an operating-system or database error stands for, or undefined for anything
 * else (a real internal fault). Disk full, a missing folder or a read-only database is the
 * user's to fix, so it is reported like bad input: one line, exit 2.
 */
export function systemProblem(e: unknown): Problem | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const { code, path, syscall } = e as { code?: unknown; path?: unknown; syscall?: unknown };
  if (typeof code !== "string") return undefined;
  // Extended SQLite codes (SQLITE_IOERR_WRITE) fall back to their primary code (SQLITE_IOERR).
  const known = ERRNO[code] ?? SQLITE[code] ?? SQLITE[code.split("_").slice(0, 2).join("_")];
  if (!known) return undefined;
  const [message, hint] = known;
  const file = typeof path === "string" ? path : (e as { parleyFile?: string }).parleyFile;
  return {
    code: `system.${code.toLowerCase()}`,
    ...(file ? { file } : {}),
    message: `${message}${typeof syscall === "string" ? ` (${syscall})` : ""}`,
    hint,
  };
}
