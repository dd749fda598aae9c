// Shared option parsing for CLI commands. Unknown flags are an error with a usage hint.
import { parseArgs } from "node:util";
import { AanzetError } from "../core/errors.js";

export const COMMON_OPTIONS = {
  store: { type: "string" },
  tenant: { type: "string" },
  team: { type: "string" },
  user: { type: "string" },
  role: { type: "string" },
  json: { type: "boolean" },
  jsonl: { type: "boolean" },
  today: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

type Options = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

export function parse<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new AanzetError("USAGE", `${(err as Error).message}\nusage: ${usage}`);
  }
}

export const ROLES = ["worker", "coach", "lead", "admin"] as const;

export function parseRole(value: string | undefined): (typeof ROLES)[number] {
  if (value === undefined) return "worker";
  if ((ROLES as readonly string[]).includes(value)) return value as (typeof ROLES)[number];
  throw new AanzetError("USAGE", `unknown role "${value}": use one of ${ROLES.join(", ")}`);
}
