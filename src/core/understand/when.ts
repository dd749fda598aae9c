// Does a `when:` condition of the map hold for the case facts a message states? Three answers
// per condition key: it holds, it conflicts, or the message does not say. Pure: no I/O.
import type { When } from "../map/schema.js";
import { decidingAge } from "./age.js";
import type { CaseFacts } from "./types.js";

export type WhenKey = keyof When;

export interface WhenMatch {
  holds: WhenKey[];
  conflicts: WhenKey[];
  /** Keys the condition needs that the message leaves open. */
  open: WhenKey[];
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

type Verdict = "holds" | "conflicts" | "open";

function ageVerdict(key: "ageFrom" | "ageBelow", bound: number, facts: CaseFacts): Verdict {
  const a = decidingAge(facts);
  if (key === "ageFrom") {
    if (a.at !== undefined) return a.at >= bound ? "holds" : "conflicts";
    if (a.atLeast !== undefined && a.atLeast >= bound) return "holds";
    if (a.under !== undefined && a.under <= bound) return "conflicts";
    return "open";
  }
  if (a.at !== undefined) return a.at < bound ? "holds" : "conflicts";
  if (a.under !== undefined && a.under <= bound) return "holds";
  if (a.atLeast !== undefined && a.atLeast >= bound) return "conflicts";
  return "open";
}

function verdict(key: WhenKey, want: unknown, facts: CaseFacts): Verdict {
  switch (key) {
    case "ageFrom":
    case "ageBelow":
      return ageVerdict(key, want as number, facts);
    case "wlz":
      if (facts.wlz === undefined) return "open";
      return facts.wlz === want ? "holds" : "conflicts";
    case "setting": {
      const wanted = list(want as string | string[]);
      if (facts.setting !== undefined) return wanted.includes(facts.setting) ? "holds" : "conflicts";
      if (facts.notSetting && wanted.every((s) => facts.notSetting!.includes(s))) return "conflicts";
      return "open";
    }
    case "income": {
      if (facts.income === undefined) return "open";
      return list(want as string | string[]).includes(facts.income) ? "holds" : "conflicts";
    }
    case "debt": {
      if (!facts.debt || facts.debt.length === 0) return "open";
      return list(want as string | string[]).some((d) => facts.debt!.includes(d)) ? "holds" : "open";
    }
    case "children":
    case "partner":
    case "refused": {
      const v = facts[key];
      if (v === undefined) return "open";
      return v === want ? "holds" : "conflicts";
    }
    case "duration":
      if (facts.duration === undefined) return "open";
      return facts.duration === want ? "holds" : "conflicts";
  }
  return "open";
}

/** Match one condition against the facts. No condition: everything holds, nothing is open. */
export function matchWhen(when: When | undefined, facts: CaseFacts): WhenMatch {
  const out: WhenMatch = { holds: [], conflicts: [], open: [] };
  if (!when) return out;
  for (const [k, v] of Object.entries(when) as Array<[WhenKey, unknown]>) {
    if (v === undefined) continue;
    const v2 = verdict(k, v, facts);
    out[v2 === "holds" ? "holds" : v2 === "conflicts" ? "conflicts" : "open"].push(k);
  }
  return out;
}

/** The fact a `when:` key reads ("ageFrom" and "ageBelow" both read the age). */
export function factOf(key: WhenKey): string {
  return key === "ageFrom" || key === "ageBelow" ? "age" : key;
}
