// The CLI's view of the terminal, injectable so tests can capture output.
import type { Readable } from "node:stream";

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  stdin: Readable;
  isTTY: boolean;
}

export const processIO: CliIO = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
  stdin: process.stdin,
  isTTY: !!process.stdin.isTTY,
};
