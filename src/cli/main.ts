// Command-line entry: parses the command and hands off. Composition lives in ../app.ts.
import { parseArgs } from "node:util";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { processIO, type CliIO } from "./io.js";
import { runMapCheck } from "./map-check.js";

export const PROJECT_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Run the CLI; returns the process exit code. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "map": {
        const [sub] = rest;
        if (sub === "check") {
          return runMapCheck(io, { mapDir: join(PROJECT_ROOT, "map"), today: new Date().toISOString().slice(0, 10) });
        }
        io.err(`unknown map command "${sub ?? ""}"; try: aanzet map check`);
        return 2;
      }
      default:
        io.err(`unknown command "${command ?? ""}"; commands: ask, chat, replay, knelpunten, map check, serve`);
        return 2;
    }
  } catch (err) {
    io.err(`aanzet: ${(err as Error).message}`);
    return 1;
  }
}
void parseArgs;
