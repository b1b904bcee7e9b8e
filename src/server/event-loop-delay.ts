import { monitorEventLoopDelay } from "node:perf_hooks";

/** Event-loop delay over a window, in milliseconds: how much later than asked a timer ran. */
export interface LoopDelay {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** How long the window was. */
  readonly seconds: number;
}

/**
 * The request thread's event-loop delay, read a window at a time: each reading covers the time
 * since the previous one (or since the server started), so a monitor polling it sees what the
 * loop did between its polls. A timer asks to run every 5 ms; the histogram holds the time between
 * runs, so the delay is that less the 5 ms. Background work runs on worker threads and must not
 * show here.
 */
const RESOLUTION_MS = 5;

export function loopDelayMonitor(): { read(): LoopDelay; stop(): void } {
  const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  h.enable();
  let since = performance.now();
  const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);
  return {
    read() {
      const now = performance.now();
      const reading = h.count
        ? { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), seconds: (now - since) / 1000 }
        : { p50: 0, p99: 0, max: 0, seconds: (now - since) / 1000 };
      h.reset();
      since = now;
      return reading;
    },
    stop: () => h.disable(),
  };
}
