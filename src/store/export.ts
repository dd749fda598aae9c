// `aanzet export --tenant t`: every record of one tenant as one JSON document (AVG access
// and portability; also what a municipality takes along when it leaves the deployment).
import type { AdminStore } from "./types.js";
import { tenantEntries } from "./catalogue.js";

export interface TenantExport {
  tenant: string;
  exportedAt: string;
  store: string;
  counts: Record<string, number>;
  records: Record<string, Array<{ key: string; value: unknown; expires?: string }>>;
}

export async function exportTenant(store: AdminStore, tenant: string, now = new Date()): Promise<TenantExport> {
  const out: TenantExport = { tenant, exportedAt: now.toISOString(), store: store.scheme, counts: {}, records: {} };
  for await (const e of tenantEntries(store, tenant)) {
    (out.records[e.kind] ??= []).push({
      key: e.key,
      value: e.value,
      ...(e.expires !== undefined ? { expires: new Date(e.expires).toISOString() } : {}),
    });
    out.counts[e.kind] = (out.counts[e.kind] ?? 0) + 1;
  }
  for (const list of Object.values(out.records)) list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return out;
}
