// Creates the folder of a local store file. Not `mkdirSync(dir, { recursive: true })`: on Node
// 22 that call never returns for a path under a folder where mkdir fails with ENOENT although
// the parent exists (/proc/nope), and a synchronous hang cannot be cut short by any timer. One
// level at a time, every failure is an error with the path and the system code.
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";

/** Make sure `dir` exists as a directory; throws an Error with `code` (ENOENT, ENOTDIR, EACCES, ...). */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    try {
      const st = statSync(at);
      if (!st.isDirectory()) throw Object.assign(new Error(`${at} is not a directory`), { code: "ENOTDIR", path: at });
      break;
    } catch (err) {
      if ((err as { code?: unknown }).code !== "ENOENT") throw err;
      const parent = dirname(at);
      if (parent === at) throw err;
      missing.push(at);
      at = parent;
    }
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (err) {
      if ((err as { code?: unknown }).code !== "EEXIST") throw err;
    }
  }
}
