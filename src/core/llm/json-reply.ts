// Parsing a model's JSON reply: tolerant of a code fence around it, strict about the shape.
import type { z } from "zod";
import { LlmFailure } from "./port.js";

/** Parse `text` as JSON matching `schema`; anything else is an LlmFailure("malformed"). */
export function parseJsonReply<T>(text: string, schema: z.ZodType<T>): T {
  const bare = text
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
  let data: unknown;
  try {
    data = JSON.parse(bare);
  } catch {
    throw new LlmFailure("malformed", "not_json");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new LlmFailure("malformed", `shape:${parsed.error.issues[0]?.path.join(".") || "-"}`);
  return parsed.data;
}
