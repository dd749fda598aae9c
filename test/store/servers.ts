// Real Redis and PostgreSQL for store tests: `.ci/run` starts them and sets AANZET_TEST_REDIS /
// AANZET_TEST_POSTGRES. Each test file gets its own Redis database number or PostgreSQL
// database, so files running in parallel never see each other's keys.
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { createClient } from "@redis/client";

export const REDIS = process.env.AANZET_TEST_REDIS || undefined;
export const POSTGRES = process.env.AANZET_TEST_POSTGRES || undefined;

export const SKIP_REDIS =
  "SKIPPED: set AANZET_TEST_REDIS=redis://127.0.0.1:<port> to run against a real Redis (.ci/run does)";
export const SKIP_POSTGRES =
  "SKIPPED: set AANZET_TEST_POSTGRES=postgres://... to run against a real PostgreSQL (.ci/run does)";

/** Announce skipped server suites once per file, so a green run without servers is visible. */
export function announceSkips(file: string): void {
  if (!REDIS) console.warn(`[${file}] redis ${SKIP_REDIS}`);
  if (!POSTGRES) console.warn(`[${file}] postgres ${SKIP_POSTGRES}`);
}

/** An emptied Redis database `db` on the test server. */
export async function freshRedis(db: number): Promise<string> {
  const url = `${REDIS!.replace(/\/\d*$/, "")}/${db}`;
  const client = createClient({ url });
  client.on("error", () => undefined);
  await client.connect();
  await client.flushDb();
  await client.close();
  return url;
}

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}

async function admin<T>(fn: (c: PgClient) => Promise<T>): Promise<T> {
  const require = createRequire(import.meta.url);
  const { Client } = require("pg") as { Client: new (o: { connectionString: string }) => PgClient };
  const c = new Client({ connectionString: POSTGRES! });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A new empty database on the test server; `drop()` removes it. */
export async function freshPostgres(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `aanzet_${label}_${randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(POSTGRES!);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
