// 350 tenants, each with a 20-entry overlay (a quarter replace base entries), written as YAML.
// In fresh processes: index build for every tenant, answer p99 with questions spread over all
// tenants, RSS; against the same figures for the base map alone. Then `serve` with that map:
// every tenant gets questions over Slack (open loop, 50/s), and the RSS of `serve` itself.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeBenchMap } from "./lib/gen-map.mjs";
import { openLoop } from "./lib/open-loop.mjs";
import { startFakeSlack, startServe } from "./lib/slack-load.mjs";
import { RUNS, minMed, rssOf, runJson } from "./lib/stats.mjs";
import { SECRET, serveEnv } from "./open-loop.mjs";

const TENANTS = 350;

export default async function tenantsBench({ root, compare }) {
  const { dir, tenants } = writeBenchMap(root, { total: 0, tenants: TENANTS, overlaySize: 20 });
  const tmp = mkdtempSync(join(tmpdir(), "aanzet-bench-tenants-"));
  const script = join(root, "scripts/bench.d/lib/answer-run.mjs");
  try {
    // With AANZET_BENCH_COMPARE the checkout before the change runs once (its 350 full
    // indexes take minutes), beside this one's runs.
    const sides = compare
      ? [
          ["before", compare, 1],
          ["after", root, RUNS],
        ]
      : [["", root, RUNS]];
    for (const [name, r, runs] of sides) {
      const base = [];
      const many = [];
      for (let i = 0; i < runs; i++) {
        base.push(runJson(script, [r, dir, "", "20"]));
        many.push(runJson(script, [r, dir, tenants.join(","), "20"]));
      }
      const tag = name ? ` [${name}]` : "";
      console.log(
        `tenants, in process${tag}: base map only: answer p99 ${minMed(
          base.map((x) => x.p99),
          3,
        )}, RSS ${minMed(
          base.map((x) => x.rssMiB),
          0,
          " MiB",
        )}; ` +
          `${TENANTS} tenants x 20-entry overlay, every tenant's index built: index ${minMed(
            many.map((x) => x.indexMs),
            0,
          )}, ` +
          `answer p99 ${minMed(
            many.map((x) => x.p99),
            3,
          )}, RSS ${minMed(
            many.map((x) => x.rssMiB),
            0,
            " MiB",
          )} (${runs} run${runs > 1 ? "s" : ""})`,
      );
    }
    const fake = await startFakeSlack();
    try {
      const rss = [];
      const p99 = [];
      for (let i = 0; i < RUNS; i++) {
        const proc = await startServe({
          root,
          env: serveEnv(`sqlite://${join(tmp, `t${i}.sqlite`)}`, fake.apiUrl, { AANZET_MAP_DIR: dir }),
          name: "tenants",
          // 350 overlay files to parse and validate on a cold start.
          startTimeoutMs: 180_000,
        });
        try {
          // Two questions per tenant: every tenant's overlay index gets built and used.
          const r = await openLoop({
            root,
            procs: [proc],
            fake,
            rate: 50,
            seconds: (2 * TENANTS) / 50,
            secret: SECRET,
            tenants,
            runId: 900 + i,
          });
          p99.push(r.answerP99);
          rss.push(rssOf(proc.child.pid).rss);
          if (r.unanswered > 0) console.log(`  tenants run ${i + 1}: ${r.unanswered} events without reply`);
        } finally {
          await proc.stop();
        }
      }
      console.log(
        `tenants, serve with ${TENANTS} tenants (each asked twice, 50/s): serve RSS ${minMed(rss, 0, " MiB")}, answer p99 end to end ${minMed(p99)}`,
      );
    } finally {
      await fake.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  }
}
