// JSONL chat history: one `{"id","team","user","ts","text"}` object per line. A bad line is
// reported with its number and skipped; the rest goes through.
import { z } from "zod";
import type { ImportIssue, ImportedMessage, ParseResult } from "./types.js";

const Line = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  team: z.string().min(1),
  user: z.union([z.string().min(1), z.number()]).transform(String),
  ts: z.union([z.string().min(1), z.number()]),
  text: z.string(),
  thread: z
    .union([z.string().min(1), z.number()])
    .transform(String)
    .optional(),
});

/** A timestamp as ISO text, epoch seconds (Slack style "1712345678.0001") or milliseconds. */
export function parseTimestamp(ts: string | number): Date | undefined {
  if (typeof ts === "number" || /^\d+(\.\d+)?$/.test(ts)) {
    const n = Number(ts);
    // Seconds until the year 5138; larger numbers are milliseconds.
    const d = new Date(n < 1e11 ? n * 1000 : n);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const d = new Date(ts);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Parse a JSONL text; never throws. */
export function parseJsonl(text: string): ParseResult {
  const messages: ImportedMessage[] = [];
  const issues: ImportIssue[] = [];
  let skipped = 0;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line.length === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      issues.push({ line: i + 1, reason: "not valid JSON" });
      return;
    }
    const parsed = Line.safeParse(value);
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      issues.push({ line: i + 1, reason: `field "${first.path.join(".") || "-"}": ${first.message}` });
      return;
    }
    const at = parseTimestamp(parsed.data.ts);
    if (!at) {
      issues.push({ line: i + 1, reason: `field "ts": not a date or epoch time` });
      return;
    }
    if (parsed.data.text.trim().length === 0) {
      skipped++;
      return;
    }
    const { id, team, user, text: body, thread } = parsed.data;
    messages.push({ id, team, user, at, text: body, ...(thread ? { thread } : {}) });
  });
  return { messages, issues, skipped };
}
