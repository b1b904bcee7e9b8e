/** The longest a failing feed is left alone before it is tried again. */
export const MAX_BACKOFF_MINUTES = 6 * 60;

/**
 * When a feed is next due: after a success, its own interval — the longest of the case's, the
 * feed's ttl and the server's max-age; after failures in a row, 1, 2, 4, … minutes, at most
 * MAX_BACKOFF_MINUTES (a feed that is down is tried again, less and less often, never given up).
 */
export function nextFetch(
  now: Date,
  outcome:
    | { readonly ok: true; readonly every: number; readonly ttlMinutes: number | null }
    | { readonly ok: false; readonly failures: number },
): string {
  const minutes = outcome.ok
    ? Math.max(outcome.every, outcome.ttlMinutes ?? 0)
    : Math.min(2 ** Math.max(0, outcome.failures - 1), MAX_BACKOFF_MINUTES);
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

/** Whether a feed is due at `now` (never fetched, or its next time has come). */
export const isDue = (next: string | null, now: Date) => next === null || Date.parse(next) <= now.getTime();
