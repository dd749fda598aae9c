// Derives src/core/privacy/data/dutch-words.txt from Debian's wdutch word list (OpenTaal,
// BSD or CC BY 3.0; see src/core/privacy/data/SOURCES.md). Run after `apt-get install wdutch`:
//   node scripts/derive-dutch-words.mjs [/usr/share/dict/dutch]
// Kept: lower-case entries of 3 to 14 letters without spaces or dots (capitalised entries are
// names and places, exactly what the scrubber must not take for ordinary words). Dropped: words
// that split into two or three kept words of 4+ letters (with an optional linking s or e), since
// the scrubber splits compounds the same way. The rest is front-coded: each line is the length of
// the prefix shared with the previous word, in base 36, then the remaining letters.
import { readFileSync, writeFileSync } from "node:fs";

const MIN_PART = 4;
const source = process.argv[2] ?? "/usr/share/dict/dutch";
const all = readFileSync(source, "utf8")
  .split("\n")
  .map((w) => w.trim())
  .filter((w) => w.length >= 3 && [...w].length <= 14 && w === w.toLowerCase() && !/[\s.]/.test(w));
const words = [...new Set(all)].sort();
const set = new Set(words);
const isWord = (w, depth) => set.has(w) || (depth < 2 && splits(w, depth));
function splits(w, depth) {
  for (let i = MIN_PART; i <= w.length - MIN_PART; i++) {
    const head = w.slice(0, i);
    const tail = w.slice(i);
    if (set.has(head) && isWord(tail, depth + 1)) return true;
    if (
      (w[i - 1] === "s" || w[i - 1] === "e") &&
      i - 1 >= MIN_PART &&
      set.has(w.slice(0, i - 1)) &&
      isWord(tail, depth + 1)
    )
      return true;
  }
  return false;
}
const kept = words.filter((w) => !splits(w, 0));
let prev = "";
const lines = [];
for (const w of kept) {
  let n = 0;
  while (n < prev.length && n < w.length && n < 35 && prev[n] === w[n]) n++;
  lines.push(n.toString(36) + w.slice(n));
  prev = w;
}
writeFileSync(new URL("../src/core/privacy/data/dutch-words.txt", import.meta.url), lines.join("\n") + "\n");
console.log(`${words.length} words, ${kept.length} kept after compound splitting`);
