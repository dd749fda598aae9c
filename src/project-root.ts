// Where the project's content lives (map/, flows/, prompts/), found from this module's place.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  let dir = from;
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "map"))) return dir;
    dir = dirname(dir);
  }
  return join(from, "..", "..");
}

/** The project directory (holding map/, flows/, prompts/): src/ when run from source (tests),
 * dist/src/ when built. */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
