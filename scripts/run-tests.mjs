// Runs the vitest suite and prints the plain closing line CI reads: "N passed, N failed".
// Extra arguments go to vitest (e.g. `npm test -- test/core`).
import { spawn } from "node:child_process";
import { readFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const out = join(tmpdir(), `aanzet-vitest-${process.pid}.json`);
mkdirSync(tmpdir(), { recursive: true });
const args = [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${out}`,
  ...process.argv.slice(2),
];
const child = spawn("npx", args, {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --disable-warning=ExperimentalWarning`.trim(),
  },
});
child.on("exit", (code, signal) => {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    const r = JSON.parse(readFileSync(out, "utf8"));
    passed = r.numPassedTests ?? 0;
    // A test file that cannot even load counts as a failure, not as nothing.
    const brokenFiles = (r.testResults ?? []).filter(
      (f) => f.status === "failed" && (f.assertionResults ?? []).length === 0,
    ).length;
    failed = (r.numFailedTests ?? 0) + brokenFiles;
    skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    rmSync(out, { force: true });
  } catch {
    failed = Math.max(failed, 1);
  }
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  const ok = code === 0 && !signal && failed === 0 && passed > 0;
  process.exit(ok ? 0 : 1);
});
