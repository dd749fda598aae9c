// Progress of a long import. On a terminal: a cli-progress bar on stderr that redraws in place.
// Elsewhere (CI, a log file): a plain "done/total" line every N messages, and the command's own
// summary line at the end.
import type { Writable } from "node:stream";
import { Presets, SingleBar } from "cli-progress";
import type { CliIO } from "./io.js";

export interface Progress {
  /** Call update() every this many messages (0: never). */
  every: number;
  update(done: number, total: number): void;
  stop(): void;
}

/** A bar when `tty`, else lines every `every` messages; `stream` is the terminal (stderr). */
export function progressReporter(
  io: CliIO,
  o: { tty: boolean; total: number; every: number; stream?: Writable },
): Progress {
  if (!o.tty || o.every === 0) {
    return {
      every: o.every,
      update: (done, total) => io.err(`aanzet replay: ${done}/${total} messages`),
      stop: () => {},
    };
  }
  const bar = new SingleBar(
    {
      format: "replay [{bar}] {percentage}% | {value}/{total} messages | {eta_formatted} left",
      stream: o.stream ?? process.stderr,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  bar.start(o.total, 0);
  return {
    // Redraw about a hundred times over the run; cli-progress throttles the terminal writes.
    every: Math.max(1, Math.floor(o.total / 100)),
    update: (done) => bar.update(done),
    stop: () => {
      bar.update(o.total);
      bar.stop();
    },
  };
}
