import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { isMainThread } from "node:worker_threads";

/**
 * Lowers a worker thread's scheduling priority (on Linux a thread has its own nice value), so
 * on a busy machine the thread answering requests runs first and background work takes the
 * rest. Elsewhere, or without /proc, it changes nothing.
 */
export function runInBackground(nice = 10): void {
  if (isMainThread) return;
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (tid > 0) setPriority(tid, nice);
  } catch {
    // Not Linux, or not allowed: the thread keeps its priority.
  }
}
