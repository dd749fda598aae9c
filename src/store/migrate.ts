// `aanzet migrate --from <url> --to <url>`: copy every record of every kind (the global
// pseudonymisation secret included, or pseudonyms would change), keeping each record's
// remaining lifetime. Existing records in the target with the same key are overwritten.
import type { AdminStore } from "./types.js";
import type { GuardedStore } from "./guarded-store.js";

export interface MigrateReport {
  copied: Record<string, number>;
  total: number;
}

/** Copy all data from `from` to `to`; `onProgress` is told per kind. */
export async function migrate(
  from: AdminStore,
  to: GuardedStore,
  onProgress?: (kind: string, n: number) => void,
): Promise<MigrateReport> {
  const report: MigrateReport = { copied: {}, total: 0 };
  const now = Date.now();
  for (const kind of await from.kinds()) {
    let n = 0;
    const pending: Array<Promise<void>> = [];
    for await (const e of from.entries(`${kind}:`)) {
      if (e.expires !== undefined && e.expires <= now) continue;
      pending.push(to.setWithExpiry(e.key, e.value, e.expires));
      // A few writes in flight: fast on a remote store, bounded memory.
      if (pending.length >= 32) await Promise.all(pending.splice(0));
      n++;
    }
    await Promise.all(pending);
    report.copied[kind] = n;
    report.total += n;
    onProgress?.(kind, n);
  }
  return report;
}
