// What the store layer keeps on its own while the store is down, so that an outage costs no
// answer and no record:
//   - dedupe keys (`seen:`, `slackonce:`): a process-local cache, so a Slack retry or a Teams
//     redelivery is still answered once;
//   - question records (`q:`): a bounded queue (oldest dropped past the limit);
//   - Slack thread markers (`slackthread:`): kept locally, so a follow-up in a thread the bot
//     joined during the outage is still answered.
// All three are appended to one local spill file (JSON lines) the moment they are taken, so a
// restart during the outage loses nothing and answers no retry twice, and are written to the
// store when it is back. Values are store envelopes of records that are scrubbed before they
// reach the store: the file holds no raw message text.
// Reads of `slackthread:`, `slacklisten:` and `slackanon:` that cannot reach the store answer
// "not there" instead of failing (see the README, "Store outages").
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import { ensureDir } from "./ensure-dir.js";

/** How a record kind is treated while the store cannot be reached. */
export type OutagePolicy = "dedupe" | "spill" | "local" | "absent";

const POLICY: Record<string, OutagePolicy> = {
  seen: "dedupe",
  slackonce: "dedupe",
  q: "spill",
  slackthread: "local",
  slacklisten: "absent",
  slackanon: "absent",
};

export function outagePolicy(key: string): OutagePolicy | undefined {
  return POLICY[key.slice(0, key.indexOf(":"))];
}

export const SPILL_RECORD_LIMIT = 10_000;
const KEY_LIMIT = 100_000;

interface Item {
  key: string;
  encoded: string;
  expires?: number | undefined;
}

type Line = Item & { p: OutagePolicy };

/** The writes the buffer still owes the store, in order. */
export interface Owed {
  policy: OutagePolicy;
  key: string;
  encoded: string;
  expires?: number | undefined;
}

export class OutageBuffer {
  private readonly dedupe = new Map<string, Item>();
  private readonly local = new Map<string, Item>();
  private readonly records = new Map<string, Item>();
  private droppedRecords = 0;

  /** `file` undefined: memory only (tests, memory://). */
  constructor(private readonly file?: string) {
    if (file && existsSync(file)) this.load(file);
  }

  /** True when the spill file holds anything: a restart in the middle of an outage. */
  static hasSpill(file: string): boolean {
    try {
      return statSync(file).size > 0;
    } catch {
      return false;
    }
  }

  private load(file: string): void {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line.trim()) continue;
      try {
        const l = JSON.parse(line) as Line;
        if (typeof l.key === "string" && typeof l.encoded === "string") this.take(l.p, l, false);
      } catch {
        // A line cut short by a crash mid-write: the rest of the file still counts.
      }
    }
  }

  /** Question records waiting for the store. */
  get pendingRecords(): number {
    return this.records.size;
  }

  get dropped(): number {
    return this.droppedRecords;
  }

  get empty(): boolean {
    return this.dedupe.size === 0 && this.local.size === 0 && this.records.size === 0;
  }

  /** Keep a write the store could not take (and append it to the spill file). */
  take(policy: OutagePolicy, item: Item, spill = true): void {
    const map = policy === "dedupe" ? this.dedupe : policy === "spill" ? this.records : this.local;
    if (policy === "absent") return;
    map.delete(item.key);
    map.set(item.key, { key: item.key, encoded: item.encoded, expires: item.expires });
    const limit = policy === "spill" ? SPILL_RECORD_LIMIT : KEY_LIMIT;
    if (map.size > limit) {
      // Past the limit the oldest goes: newest questions matter most for patterns.
      map.delete(map.keys().next().value as string);
      if (policy === "spill") this.droppedRecords++;
    }
    if (spill && this.file) {
      ensureDir(dirname(this.file));
      appendFileSync(this.file, `${JSON.stringify({ p: policy, ...item })}\n`, { mode: 0o600 });
    }
  }

  /** A dedupe key seen locally and not expired at `now`. */
  seen(key: string, now: number): boolean {
    const it = this.dedupe.get(key);
    return it !== undefined && (it.expires === undefined || it.expires > now);
  }

  /** A locally kept value (thread marker) not expired at `now`. */
  localValue(key: string, now: number): string | undefined {
    const it = this.local.get(key);
    return it !== undefined && (it.expires === undefined || it.expires > now) ? it.encoded : undefined;
  }

  /** Everything owed to the store: dedupe keys first (a retry after recovery must find them),
   * then thread markers, then question records, oldest first. Expired items are left out. */
  owed(now: number): Owed[] {
    const out: Owed[] = [];
    const live = (it: Item) => it.expires === undefined || it.expires > now;
    for (const it of this.dedupe.values()) if (live(it)) out.push({ policy: "dedupe", ...it });
    for (const it of this.local.values()) if (live(it)) out.push({ policy: "local", ...it });
    for (const it of this.records.values()) if (live(it)) out.push({ policy: "spill", ...it });
    return out;
  }

  /** The store took these: forget them and rewrite (or remove) the spill file. */
  settled(done: Owed[], now: number): void {
    for (const d of done) {
      const map = d.policy === "dedupe" ? this.dedupe : d.policy === "spill" ? this.records : this.local;
      if (map.get(d.key)?.encoded === d.encoded) map.delete(d.key);
    }
    for (const map of [this.dedupe, this.local, this.records])
      for (const [k, it] of map) if (it.expires !== undefined && it.expires <= now) map.delete(k);
    if (!this.file) return;
    if (this.empty) {
      rmSync(this.file, { force: true });
      return;
    }
    const lines = this.owed(now).map((o) =>
      JSON.stringify({ p: o.policy, key: o.key, encoded: o.encoded, expires: o.expires }),
    );
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, `${lines.join("\n")}\n`, { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}

/** The spill file for a server store (Redis, PostgreSQL) in `dataDir`, one per store URL; none
 * for memory:// and sqlite:// (a local file has no network to lose). */
export function spillFileFor(storeUrl: string, dataDir: string): string | undefined {
  if (!/^(redis|rediss|postgres|postgresql):/.test(storeUrl)) return undefined;
  const id = createHash("sha256").update(storeUrl).digest("hex").slice(0, 12);
  return join(dataDir, `outage-spill-${id}.jsonl`);
}

/** openStore options for the app's store: its spill file under AANZET_DATA_DIR, if any. */
export function outageSpill(config: { store: string; env: { AANZET_DATA_DIR: string } }): { spillFile?: string } {
  const file = spillFileFor(config.store, resolve(config.env.AANZET_DATA_DIR));
  return file ? { spillFile: file } : {};
}
