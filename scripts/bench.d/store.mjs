// Store operations per second through the Store the app uses (keys checked, timeouts,
// keyv envelopes): set, get and add, sequential and 32 at a time. SQLite always; Redis and
// PostgreSQL when AANZET_BENCH_REDIS / AANZET_BENCH_POSTGRES name a server (each run uses
// its own key kind and removes what it wrote).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const N = 3000;

async function rate(label, n, fn, parallel) {
  const t0 = performance.now();
  if (parallel) {
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < n) await fn(next++);
      }),
    );
  } else {
    for (let i = 0; i < n; i++) await fn(i);
  }
  return `${label} ${Math.round(n / ((performance.now() - t0) / 1000))}/s`;
}

export default async function storeBench({ dist }) {
  const { openStore } = await import(dist("store/open-store.js"));
  const tmp = mkdtempSync(join(tmpdir(), "aanzet-bench-store-"));
  const targets = [["sqlite", `sqlite://${join(tmp, "s.sqlite")}`]];
  if (process.env.AANZET_BENCH_REDIS) targets.push(["redis", process.env.AANZET_BENCH_REDIS]);
  if (process.env.AANZET_BENCH_POSTGRES) targets.push(["postgres", process.env.AANZET_BENCH_POSTGRES]);
  try {
    for (const [name, url] of targets) {
      const store = await openStore(url);
      const kind = `bench${process.pid}`;
      const rec = {
        id: "x",
        text: "een vraag van gemiddelde lengte over wie de traplift betaalt",
        entries: ["traplift"],
        at: new Date().toISOString(),
      };
      try {
        const parts = [
          await rate("set", N, (i) => store.set(`${kind}:t:${i}`, rec, 60_000), false),
          await rate("get", N, (i) => store.get(`${kind}:t:${i}`), false),
          await rate("add", N, (i) => store.add(`${kind}:t:a${i}`, 1, 60_000), false),
          await rate("set x32", N, (i) => store.set(`${kind}:t:p${i}`, rec, 60_000), true),
          await rate("get x32", N, (i) => store.get(`${kind}:t:p${i}`), true),
          await rate("add x32", N, (i) => store.add(`${kind}:t:q${i}`, 1, 60_000), true),
        ];
        let scanned = 0;
        const t0 = performance.now();
        for await (const _ of store.scan(`${kind}:t:`)) scanned++;
        parts.push(`scan ${Math.round(scanned / ((performance.now() - t0) / 1000))} records/s`);
        console.log(`store ${name}: ${parts.join(", ")}`);
        for await (const [k] of store.scan(`${kind}:`)) await store.delete(k);
      } finally {
        await store.close();
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
