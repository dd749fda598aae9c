// Scrubbing of structured values (records, log lines): which strings in a value are text.
//
// A string with whitespace in it is text (ids never have any), and so is any string under a
// field that holds text (`text`, `question`, `value`, `note`, ...) even when it is one word
// ("Jansen" as a free-text answer). Other one-word strings are ids, keys, timestamps and Slack
// `ts` values ("1733312345.123456" would otherwise lose its digits) and stay as they are.

/** Fields whose strings are always text, even without a space. */
const TEXT_FIELDS = new Set([
  "text",
  "texts",
  "question",
  "questions",
  "answer",
  "answers",
  "value",
  "label",
  "note",
  "notes",
  "reason",
  "comment",
  "comments",
  "title",
  "summary",
  "body",
  "content",
  "message",
  "description",
  "quote",
  "free",
  "example",
  "examples",
  "correction",
  "why",
  "name",
  "naam",
  "sample",
  "samples",
  "keywords",
  "detail",
]);
/** Fields that hold ids or machine values: kept as they are unless they hold a space. */
const STRUCTURAL_FIELDS = new Set([
  "id",
  "key",
  "tenant",
  "team",
  "thread",
  "channel",
  "user",
  "owner",
  "rawUser",
  "messageId",
  "recordId",
  "serviceUrl",
  "conversation",
  "conversationId",
  "ts",
  "secret",
]);
const MAX_DEPTH = 16;

/** Scrubs the text strings of a value (a copy; the input is not changed). */
export function scrubValue(value: unknown, scrubText: (text: string) => string): unknown {
  return walk(value, scrubText, undefined, 0);
}

function walk(v: unknown, scrubText: (text: string) => string, field: string | undefined, depth: number): unknown {
  if (typeof v === "string") {
    const spaced = /\s/.test(v);
    // An id field keeps its id; text in an id field (it has spaces, ids never do) is still text.
    if (field !== undefined && STRUCTURAL_FIELDS.has(field) && !spaced) return v;
    if (spaced || (field !== undefined && TEXT_FIELDS.has(field))) return scrubText(v);
    return v;
  }
  if (depth > MAX_DEPTH || v === null || typeof v !== "object") return v;
  if (v instanceof Error) {
    // Log lines: an error's message may quote input; keep its shape for pino's err serializer.
    const code = (v as { code?: unknown }).code;
    const plain = { type: v.name, message: v.message, ...(code !== undefined ? { code } : {}), stack: v.stack };
    return walk(plain, scrubText, field, depth + 1);
  }
  if (Array.isArray(v)) return v.map((x) => walk(x, scrubText, field, depth + 1));
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = walk(x, scrubText, k, depth + 1);
  return out;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
