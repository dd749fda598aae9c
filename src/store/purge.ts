// Retention: expired records are removed from disk (SQL stores keep them until read or
// purged), and records older than their kind's retention go, whatever ttl they were written
// with. `aanzet purge` runs it once; `aanzet serve` runs it every AANZET_PURGE_HOURS.
import type { Retention } from "../config.js";
import type { AdminStore } from "./types.js";
import { GLOBAL_KINDS, KINDS, recordTime, tenantEntries } from "./catalogue.js";

export interface PurgeReport {
  expired: number;
  /** Deleted for age, per kind. */
  deleted: Record<string, number>;
  /** Kinds kept whatever their age (configuration). */
  kept: string[];
  dryRun: boolean;
}

/** Remove what is past retention; `tenant` limits the age pass to one tenant. */
export async function purge(
  store: AdminStore,
  retention: Retention,
  o: { now?: Date; tenant?: string | undefined; dryRun?: boolean } = {},
): Promise<PurgeReport> {
  const now = (o.now ?? new Date()).getTime();
  const report: PurgeReport = { expired: 0, deleted: {}, kept: [], dryRun: !!o.dryRun };
  if (!o.dryRun) report.expired = await store.purgeExpired();
  const kinds = await store.kinds();
  const aged = kinds.filter((k) => {
    const keep = KINDS[k]?.keep || GLOBAL_KINDS.has(k);
    if (keep) report.kept.push(k);
    return !keep;
  });
  for (const kind of aged) {
    const days = retention.perKind[kind] ?? retention.defaultDays;
    const old: string[] = [];
    const entries = o.tenant ? tenantEntries(store, o.tenant, [kind]) : store.entries(`${kind}:`);
    for await (const e of entries) {
      const t = recordTime(e.value);
      if (t !== undefined && now - t > days * 86_400_000) old.push(e.key);
    }
    if (old.length > 0) report.deleted[kind] = old.length;
    if (!o.dryRun) for (const key of old) await store.delete(key);
  }
  return report;
}
