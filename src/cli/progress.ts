import { groupThousands } from "./table.js";

/** Work shorter than this shows no progress at all (PARLEY_PROGRESS_MS to change it). */
const QUIET_MS = Number(process.env["PARLEY_PROGRESS_MS"] ?? 2000);
/** Without a terminal, a plain line at most this often. */
const LINE_EVERY_MS = 2000;

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/**
 * Progress on stderr for work that takes more than ~2 s: one line redrawn in place on a
 * terminal, plain lines (`parley: reading articles: 1,200 of 5,000 (24%)`) when stderr is a file
 * or a pipe. Written synchronously, so it shows during long synchronous work too (where a
 * timer-driven bar such as the tournament's would not get to run).
 */
export function progress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      const now = performance.now();
      if (now - started < QUIET_MS) return;
      const percent = Math.floor((100 * done) / Math.max(1, total));
      if (stream.isTTY) {
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        const width = 30,
          filled = Math.round((width * done) / Math.max(1, total));
        const eta = done ? Math.round((((now - started) / done) * (total - done)) / 1000) : 0;
        stream.write(
          `\r${label} ${"█".repeat(filled)}${"░".repeat(width - filled)} ${groupThousands(done)}/${groupThousands(total)} ${percent}% eta ${eta}s\x1b[K`,
        );
        drawn = true;
      } else if (now - lastDraw >= LINE_EVERY_MS) {
        lastDraw = now;
        stream.write(`parley: ${label}: ${groupThousands(done)} of ${groupThousands(total)} (${percent}%)\n`);
      }
    },
    stop() {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}
