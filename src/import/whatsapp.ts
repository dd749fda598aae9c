// WhatsApp chat export (.txt). Dutch and English phone settings write different headers:
//   [12-03-2026 09:14:05] Naam: tekst          (iPhone, Dutch)
//   12-03-2026 09:14 - Naam: tekst             (Android, Dutch)
//   3/12/26, 9:14 AM - Name: text              (Android, English/US: month first)
//   [3/12/26, 9:14:05 AM] Name: text           (iPhone, English/US)
// A line without a header continues the previous message. Times are local (Europe/Amsterdam).
import { createHash } from "node:crypto";
import type { ImportIssue, ImportedMessage, ParseResult, Skip } from "./types.js";

const HEADER =
  /^\[?(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4}),?\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[\s\u202f\u00a0]*([AaPp])\.?\s?[Mm]\.?)?\]?\s*(?:-\s+)?(.*)$/;
/** Direction marks WhatsApp puts before lines and names. */
const MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const MEDIA =
  /^(<?(media weggelaten|media omitted|bijlage weggelaten|afbeelding weggelaten|video weggelaten|audio weggelaten|sticker weggelaten|gif weggelaten|document weggelaten|image omitted|video omitted|audio omitted|sticker omitted|document omitted|gif omitted)>?|dit bericht is verwijderd|this message was deleted|je hebt dit bericht verwijderd|you deleted this message|<bijgevoegd: [^>]*>|<attached: [^>]*>|null)$/i;

/** Notices WhatsApp writes under the group's name or a member's name. */
const SYSTEM =
  /(end-to-end (versleuteld|encrypted)|heeft de groep .*gemaakt|created (the )?group|heeft .* toegevoegd|added .*|is toegetreden|joined using|heeft de groep verlaten|left$|heeft het onderwerp gewijzigd|changed the subject|beveiligingscode .* gewijzigd|security code changed|verdwijnende berichten|disappearing messages)/i;

/** UTC offset (ms) of a time zone at an instant. */
function offsetAt(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const n = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second")) - utcMs;
}

/** Wall-clock time in a time zone to a Date (DST-aware). */
export function zonedTime(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  timeZone = "Europe/Amsterdam",
): Date {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  let t = guess - offsetAt(guess, timeZone);
  t = guess - offsetAt(t, timeZone);
  return new Date(t);
}

interface Header {
  at: Date;
  rest: string;
}

/** The date/time header of a line, "invalid" when it looks like one but is no real date. */
function header(line: string, timeZone: string): Header | "invalid" | undefined {
  const m = HEADER.exec(line);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  let year = Number(m[3]);
  if (year < 100) year += 2000;
  let hour = Number(m[4]);
  const ampm = m[7]?.toLowerCase();
  // US exports (AM/PM) put the month first; elsewhere the day comes first unless impossible.
  let [day, month] = ampm ? [b, a] : [a, b];
  if (month > 12 && day <= 12) [day, month] = [month, day];
  if (ampm) {
    if (hour < 1 || hour > 12) return "invalid";
    if (ampm === "p" && hour < 12) hour += 12;
    if (ampm === "a" && hour === 12) hour = 0;
  }
  const minute = Number(m[5]);
  const second = m[6] ? Number(m[6]) : 0;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59)
    return "invalid";
  return { at: zonedTime(year, month, day, hour, minute, second, timeZone), rest: m[8] ?? "" };
}

/** Stable id of a WhatsApp message: a hash of team, time, author and text. */
export function whatsappId(team: string, at: Date, author: string, text: string): string {
  return (
    "wa-" +
    createHash("sha256")
      .update(`${team}\u0000${at.toISOString()}\u0000${author}\u0000${text}`)
      .digest("hex")
      .slice(0, 16)
  );
}

/** "WhatsApp-chat met Wijkteam Noord.txt" -> "Wijkteam Noord". */
export function teamFromFilename(name: string): string {
  const base = name.replace(/^.*[\\/]/, "").replace(/\.(txt|zip)$/i, "");
  const m = /^whatsapp[\s_-]*(?:chat)?[\s_-]*(?:met|with)[\s_-]+(.+)$/i.exec(base);
  return (m ? m[1]! : base).trim() || "whatsapp";
}

/** Parse an export; never throws. */
export function parseWhatsApp(text: string, opts: { team: string; timeZone?: string }): ParseResult {
  const tz = opts.timeZone ?? "Europe/Amsterdam";
  const issues: ImportIssue[] = [];
  const drafts: Array<{ at: Date; author: string; lines: string[]; line: number }> = [];
  const skips: Skip[] = [];
  const lines = text.replace(/^\ufeff/, "").split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.replace(MARKS, "");
    const h = header(line, tz);
    if (h === "invalid") {
      issues.push({ line: i + 1, reason: "date or time in the header is not valid" });
      drafts.push({ at: new Date(NaN), author: "", lines: [], line: -1 });
      return;
    }
    if (!h) {
      const last = drafts[drafts.length - 1];
      if (last) {
        if (last.line > 0) last.lines.push(line);
      } else if (line.trim().length > 0) {
        issues.push({ line: i + 1, reason: "text before the first message header" });
      }
      return;
    }
    const sep = h.rest.indexOf(": ");
    if (sep <= 0) {
      // System line ("X heeft de groep gemaakt", encryption notice): no author.
      skips.push({ reason: "system line" });
      drafts.push({ at: h.at, author: "", lines: [], line: -1 });
      return;
    }
    drafts.push({ at: h.at, author: h.rest.slice(0, sep).trim(), lines: [h.rest.slice(sep + 2)], line: i + 1 });
  });
  const messages: ImportedMessage[] = [];
  for (const d of drafts) {
    if (d.line < 0) continue;
    const body = d.lines.join("\n").trim();
    const reason =
      body.length === 0
        ? "empty message"
        : MEDIA.test(body)
          ? "media or deleted message"
          : SYSTEM.test(body) && body.length < 160
            ? "system line"
            : undefined;
    if (reason) {
      skips.push({ user: d.author, reason });
      continue;
    }
    const id = whatsappId(opts.team, d.at, d.author, body);
    messages.push({ id, team: opts.team, user: d.author, at: d.at, text: body, thread: `wa:${id}` });
  }
  return { messages, issues, skipped: skips.length, skips };
}
