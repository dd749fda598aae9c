// Records are stored in keyv's own envelope, `{"value":...,"expires":...}` through keyv's
// JSON serializer, so the data stays readable by a plain `new Keyv({ store, namespace })`
// on the same table or Redis database (test/store proves it both ways).
import { jsonSerializer } from "keyv";
import { AanzetError } from "../core/errors.js";

/** Encode a value with its absolute expiry (ms) the way keyv does. */
export function encode(value: unknown, expires: number | undefined): string {
  if (value === undefined) throw new AanzetError("STORE_ERROR", "cannot store undefined");
  try {
    return jsonSerializer.stringify({ value, expires });
  } catch (err) {
    throw new AanzetError("STORE_ERROR", `value cannot be stored: ${(err as Error).message}`, { cause: err });
  }
}

/** Decode an envelope; undefined when it is damaged or expired. */
export function decode<T>(raw: string, now: number): { value: T; expires?: number | undefined } | undefined {
  let env: unknown;
  try {
    env = jsonSerializer.parse(raw);
  } catch {
    return undefined;
  }
  if (!env || typeof env !== "object" || !("value" in env)) return undefined;
  const e = env as { value: T; expires?: unknown };
  const expires = typeof e.expires === "number" && Number.isFinite(e.expires) ? e.expires : undefined;
  if (expires !== undefined && expires <= now) return undefined;
  return { value: e.value, expires };
}

/** Split `<kind>:<rest>`; the kind is what keyv calls the namespace. */
export function splitKey(key: string): [string, string] {
  const i = key.indexOf(":");
  if (i <= 0) throw new AanzetError("STORE_ERROR", `store key without a kind prefix: ${key.slice(0, 40)}`);
  return [key.slice(0, i), key.slice(i + 1)];
}
