// Small helpers for the bench: repeated runs reduced to min and median, percentiles, RSS of a
// child process, and fresh process runs that print one JSON line.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Runs per figure: AANZET_BENCH_RUNS, at least 3. */
export const RUNS = Math.max(3, Number(process.env.AANZET_BENCH_RUNS ?? 3));

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** "min X / median Y" over runs of one figure. */
export function minMed(values, digits = 1, unit = " ms") {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return "n/a";
  const med = v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  return `min ${v[0].toFixed(digits)}${unit} / median ${med.toFixed(digits)}${unit}`;
}

/** Resident set size of a process in MiB (current and peak), from /proc. */
export function rssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** Run a node script in a fresh process and parse the last stdout line as JSON. */
export function runJson(script, args, env = {}) {
  const r = spawnSync(process.execPath, ["--disable-warning=ExperimentalWarning", script, ...args], {
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    maxBuffer: 256 * 2 ** 20,
  });
  if (r.status !== 0) throw new Error(`${script} failed: ${(r.stderr || "").split("\n").slice(0, 3).join(" ")}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}
