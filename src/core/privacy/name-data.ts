// The word lists behind name detection without a title (data/, sources in data/SOURCES.md):
// first names, surnames, places, capitalised non-names and the Dutch word list. Read once, on
// first use, from the data folder next to this file (or, in the build, from the source tree).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PARTICLES } from "./common-words.js";

export interface NameData {
  firstNames: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
  places: ReadonlySet<string>;
  nonNames: ReadonlySet<string>;
  /** Lower-case Dutch words without compounds; use isDutchWord, which splits compounds. */
  words: ReadonlySet<string>;
}

function dataDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // src/core/privacy/data when run from source; dist/src/core/privacy -> ../../../../src/... when built.
  for (const dir of [join(here, "data"), join(here, "..", "..", "..", "..", "src", "core", "privacy", "data")])
    if (existsSync(join(dir, "dutch-words.txt"))) return dir;
  throw new Error(`privacy word lists not found next to ${here}`);
}

function wordsOf(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .flatMap((l) => l.split(/\s+/))
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0);
}

function frontCoded(file: string): Set<string> {
  const out = new Set<string>();
  let prev = "";
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.length === 0) continue;
    const word = prev.slice(0, Number.parseInt(line[0]!, 36)) + line.slice(1);
    out.add(word);
    prev = word;
  }
  return out;
}

let cached: NameData | undefined;

/** The lists, read on first use. Particles are left out of the name lists ("de jong" -> "jong"). */
export function nameData(): NameData {
  if (cached) return cached;
  const dir = dataDir();
  const names = (f: string) => new Set(wordsOf(join(dir, f)).filter((w) => !PARTICLES.has(w) && w.length >= 2));
  cached = {
    firstNames: names("first-names.txt"),
    surnames: names("surnames.txt"),
    places: new Set(wordsOf(join(dir, "places.txt"))),
    nonNames: new Set(wordsOf(join(dir, "non-names.txt"))),
    words: frontCoded(join(dir, "dutch-words.txt")),
  };
  return cached;
}

const MIN_PART = 4;

/** True for a Dutch word, or a compound of two or three (with a linking s or e): "traplift". */
export function isDutchWord(word: string, words: ReadonlySet<string>, depth = 0): boolean {
  if (words.has(word)) return true;
  if (depth >= 2) return false;
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
    const tail = word.slice(i);
    if (words.has(word.slice(0, i)) && isDutchWord(tail, words, depth + 1)) return true;
    const link = word[i - 1];
    if ((link === "s" || link === "e") && i - 1 >= MIN_PART && words.has(word.slice(0, i - 1)))
      if (isDutchWord(tail, words, depth + 1)) return true;
  }
  return false;
}
