// memory://: one process, nothing on disk. Values are kept encoded, so a caller that mutates
// an object it got back never changes the stored one (as with the real stores). Rows are kept
// per kind with a sorted key list (rebuilt only after inserts or deletes), so a prefix scan
// costs a binary search plus the page, not a sort of the whole store.
import type { Backend } from "./types.js";

interface Row {
  encoded: string;
  expires: number | undefined;
}

class Kind {
  readonly rows = new Map<string, Row>();
  private sorted: string[] | undefined;

  keys(): string[] {
    this.sorted ??= [...this.rows.keys()].sort();
    return this.sorted;
  }

  put(key: string, row: Row): void {
    if (!this.rows.has(key)) this.sorted = undefined;
    this.rows.set(key, row);
  }

  drop(key: string): boolean {
    const had = this.rows.delete(key);
    if (had) this.sorted = undefined;
    return had;
  }
}

/** First index in `sorted` whose key is >= `from` (or > when `exclusive`). */
function lowerBound(sorted: string[], from: string, exclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = sorted[mid]!;
    if (k < from || (exclusive && k === from)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class MemoryBackend implements Backend {
  readonly scheme = "memory" as const;
  readonly scanMayRepeat = false;
  private readonly kinds_ = new Map<string, Kind>();

  private kind(key: string): Kind {
    const k = key.slice(0, key.indexOf(":"));
    let kind = this.kinds_.get(k);
    if (!kind) {
      kind = new Kind();
      this.kinds_.set(k, kind);
    }
    return kind;
  }

  private live(key: string, now: number): Row | undefined {
    const kind = this.kind(key);
    const row = kind.rows.get(key);
    if (row && row.expires !== undefined && row.expires <= now) {
      kind.drop(key);
      return undefined;
    }
    return row;
  }

  async get(key: string, now: number): Promise<string | undefined> {
    return this.live(key, now)?.encoded;
  }

  async set(key: string, encoded: string, expires: number | undefined): Promise<void> {
    this.kind(key).put(key, { encoded, expires });
  }

  async add(key: string, encoded: string, expires: number | undefined, now: number): Promise<boolean> {
    if (this.live(key, now)) return false;
    this.kind(key).put(key, { encoded, expires });
    return true;
  }

  async delete(key: string, now: number): Promise<boolean> {
    const existed = this.live(key, now) !== undefined;
    this.kind(key).drop(key);
    return existed;
  }

  async page(prefix: string, cursor: string | undefined, limit: number, now: number) {
    const kind = this.kind(prefix);
    const sorted = kind.keys();
    const entries: Array<{ key: string; encoded: string; expires?: number | undefined }> = [];
    let last: string | undefined;
    for (
      let i = lowerBound(sorted, cursor ?? prefix, cursor !== undefined);
      i < sorted.length && entries.length < limit;
      i++
    ) {
      const key = sorted[i]!;
      if (!key.startsWith(prefix)) break;
      last = key;
      const row = kind.rows.get(key);
      if (row && (row.expires === undefined || row.expires > now))
        entries.push({ key, encoded: row.encoded, expires: row.expires });
    }
    return { entries, next: entries.length >= limit ? last : undefined };
  }

  async kinds(): Promise<string[]> {
    return [...this.kinds_]
      .filter(([, k]) => k.rows.size > 0)
      .map(([name]) => name)
      .sort();
  }

  async purgeExpired(now: number): Promise<number> {
    let n = 0;
    for (const kind of this.kinds_.values()) {
      for (const [key, row] of kind.rows) {
        if (row.expires !== undefined && row.expires <= now) {
          kind.drop(key);
          n++;
        }
      }
    }
    return n;
  }

  async close(): Promise<void> {}
}
