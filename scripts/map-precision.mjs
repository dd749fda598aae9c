// Counts, per map entry file, how many `primary` aanZet lines name an article and how many of
// those link to that article on wetten.overheid.nl (a jci1.3 `&artikel=` link or a `#...Artikel`
// anchor). Usage: node scripts/map-precision.mjs [map/entries/a.yaml ...] (default: all files).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

const dir = "map/entries";
const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(dir).map((f) => join(dir, f));
const deep = (url) =>
  typeof url === "string" &&
  url.startsWith("https://wetten.overheid.nl/") &&
  (/[?&]artikel=/.test(url) || /#.*Artikel/.test(url));

let total = { primary: 0, article: 0, deep: 0 };
for (const file of files.filter((f) => f.endsWith(".yaml"))) {
  const doc = parse(readFileSync(file, "utf8"));
  const row = { primary: 0, article: 0, deep: 0 };
  const misses = [];
  for (const entry of doc.entries ?? []) {
    for (const line of entry.aanZet ?? []) {
      if (line.role !== "primary") continue;
      row.primary++;
      if (line.article) row.article++;
      if (line.article && deep(line.url)) row.deep++;
      else misses.push(`${entry.id} (${line.actor})`);
    }
  }
  for (const k of Object.keys(total)) total[k] += row[k];
  console.log(`${file}: ${row.deep}/${row.primary} article+deep link, ${row.article}/${row.primary} article`);
  if (process.env.VERBOSE) for (const m of misses) console.log(`  - ${m}`);
}
const pct = (n) => (total.primary ? ((100 * n) / total.primary).toFixed(1) : "0");
console.log(
  `total: ${total.deep}/${total.primary} (${pct(total.deep)}%) article+deep link; ${total.article}/${total.primary} (${pct(total.article)}%) article`,
);
