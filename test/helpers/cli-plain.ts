// Run the real CLI as an operator would type it: no LOG_LEVEL and no AANZET_STORE unless given,
// in a chosen working folder (the shared runCli sets LOG_LEVEL=info and runs in the repo root).
import { spawn } from "node:child_process";
import { BIN, type CliResult } from "./cli.js";

/** Run `aanzet <args>` in `cwd` with a clean environment plus `env`. */
export function runPlain(
  args: string[],
  opts: { cwd: string; env?: Record<string, string>; input?: string },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env };
    delete env.LOG_LEVEL;
    delete env.AANZET_STORE;
    const child = spawn(process.execPath, ["--disable-warning=ExperimentalWarning", BIN, ...args], {
      cwd: opts.cwd,
      env: { ...env, ...opts.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? "");
  });
}
