// The chat-history importers: JSONL, Slack export (folder and zip) and WhatsApp (Dutch and
// English formats). Bad lines are reported with their number; the rest goes through.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  detectFormat,
  parseJsonl,
  parseSlackFiles,
  parseWhatsApp,
  readExport,
  readSlackFolder,
  readSlackZip,
  slackText,
  teamFromFilename,
  zonedTime,
} from "../../src/import/index.js";
import { ROOT } from "../helpers/cli.js";

const FIX = join(ROOT, "test/fixtures/patterns");

describe("JSONL", () => {
  it("reads messages and reports bad lines by number", () => {
    const text = [
      '{"id":"a","team":"noord","user":"u1","ts":"2026-02-03T10:00:00+01:00","text":"vraag een"}',
      "{niet json",
      '{"id":"b","team":"zuid","user":"u2","ts":1770891300,"text":"vraag twee"}',
      '{"id":"c","team":"zuid","user":"u2","text":"geen tijd"}',
      "",
      '{"id":"d","team":"zuid","user":"u2","ts":"gisteren","text":"rare tijd"}',
      '{"id":"e","team":"zuid","user":"u2","ts":"1770891300.000100","text":"  "}',
    ].join("\n");
    const r = parseJsonl(text);
    expect(r.messages.map((m) => m.id)).toEqual(["a", "b"]);
    expect(r.messages[1]!.at.toISOString()).toBe("2026-02-12T10:15:00.000Z");
    expect(r.issues.map((i) => i.line)).toEqual([2, 4, 6]);
    expect(r.issues[1]!.reason).toMatch(/ts/);
    expect(r.skipped).toBe(1);
  });

  it("detects formats by path", () => {
    expect(detectFormat(join(FIX, "stream.jsonl"))).toBe("jsonl");
    expect(detectFormat(join(FIX, "slack-export"))).toBe("slack");
    expect(detectFormat(join(FIX, "whatsapp-nl.txt"))).toBe("whatsapp");
  });
});

describe("Slack export", () => {
  it("reads a folder: channel = team, ts = id, threads, markup cleaned, system messages skipped", () => {
    const r = parseSlackFiles(readSlackFolder(join(FIX, "slack-export")));
    expect(r.messages.map((m) => [m.id, m.team])).toEqual([
      ["1770109200.000200", "wijkteam-noord"],
      ["1770109800.000300", "wijkteam-noord"],
      ["1770891300.000100", "wijkteam-zuid"],
      ["1771935600.000100", "wijkteam-noord"],
    ]);
    expect(r.messages[0]!.text.startsWith("Cliënt zit")).toBe(true);
    expect(r.messages[1]!.thread).toBe(r.messages[0]!.thread);
    expect(r.messages[1]!.text).toBe("Volgens mij kan dat via <bijzondere bijstand>, zie rijksoverheid");
    expect(r.messages[0]!.at.toISOString()).toBe("2026-02-03T09:00:00.000Z");
    expect(r.issues).toEqual([{ line: 3, file: "wijkteam-zuid/2026-02-12.json", reason: 'missing "user" or "text"' }]);
    expect(r.skipped).toBe(3);
  });

  it("reads the same export from a zip (with or without a top folder)", () => {
    const files = readSlackFolder(join(FIX, "slack-export"));
    const flat = zipSync(Object.fromEntries(files.map((f) => [f.path, strToU8(f.content)])));
    const nested = zipSync(Object.fromEntries(files.map((f) => [`export/${f.path}`, strToU8(f.content)])));
    const expected = parseSlackFiles(files).messages.map((m) => m.id);
    expect(parseSlackFiles(readSlackZip(flat)).messages.map((m) => m.id)).toEqual(expected);
    expect(parseSlackFiles(readSlackZip(nested)).messages.map((m) => m.id)).toEqual(expected);
  });

  it("reports a day file that is not JSON and goes on", () => {
    const r = parseSlackFiles([
      { path: "a/2026-01-01.json", content: "[{" },
      { path: "b/2026-01-02.json", content: '[{"type":"message","user":"U1","text":"hoi","ts":"1767344400.000100"}]' },
    ]);
    expect(r.issues).toEqual([{ line: 1, file: "a/2026-01-01.json", reason: "not valid JSON" }]);
    expect(r.messages).toHaveLength(1);
  });

  it("cleans Slack markup", () => {
    expect(slackText("<@U123> zie <#C1|algemeen> en <mailto:a@b.nl|mail> &amp; <!here>")).toBe(
      "zie #algemeen en mail &",
    );
  });
});

describe("WhatsApp export", () => {
  it("reads the Dutch iPhone format with multi-line messages, media and system lines", () => {
    const r = parseWhatsApp(readFileSync(join(FIX, "whatsapp-nl.txt"), "utf8"), { team: "noord" });
    expect(r.messages.map((m) => m.user)).toEqual(["Sanne", "Timo", "Vera"]);
    expect(r.messages[0]!.text).toBe(
      "Cliënt zit sinds vorige week in de gevangenis. Zijn bijstand is gestopt,\nmaar de huur van zijn woning loopt gewoon door.\nWie betaalt die huur nu?",
    );
    // Amsterdam winter time is UTC+1.
    expect(r.messages[0]!.at.toISOString()).toBe("2026-02-03T09:00:05.000Z");
    expect(r.issues).toEqual([{ line: 6, reason: "date or time in the header is not valid" }]);
    expect(r.skipped).toBe(2);
    expect(r.messages[0]!.id).toMatch(/^wa-[0-9a-f]{16}$/);
  });

  it("gives stable ids: the same export read twice, the same ids", () => {
    const text = readFileSync(join(FIX, "whatsapp-nl.txt"), "utf8");
    expect(parseWhatsApp(text, { team: "noord" }).messages.map((m) => m.id)).toEqual(
      parseWhatsApp(text, { team: "noord" }).messages.map((m) => m.id),
    );
    expect(parseWhatsApp(text, { team: "zuid" }).messages[0]!.id).not.toBe(
      parseWhatsApp(text, { team: "noord" }).messages[0]!.id,
    );
  });

  it("reads the Dutch Android format (summer time) and the English US format", () => {
    const nl = parseWhatsApp(readFileSync(join(FIX, "whatsapp-android-nl.txt"), "utf8"), { team: "t" });
    expect(nl.messages.map((m) => m.text)).toEqual(["Eerste regel\ntweede regel", "na de zomertijd"]);
    expect(nl.messages[1]!.at.toISOString()).toBe("2026-03-29T08:30:00.000Z");
    const en = parseWhatsApp(readFileSync(join(FIX, "whatsapp-en.txt"), "utf8"), { team: "t" });
    expect(en.messages.map((m) => m.at.toISOString())).toEqual([
      "2026-02-03T09:00:00.000Z",
      "2026-02-12T22:15:00.000Z",
      "2026-12-30T23:05:00.000Z",
    ]);
    expect(en.skipped).toBe(1);
  });

  it("names the team after the chat", () => {
    expect(teamFromFilename("/x/WhatsApp-chat met Wijkteam Noord.txt")).toBe("Wijkteam Noord");
    expect(teamFromFilename("WhatsApp Chat with Team Zuid.txt")).toBe("Team Zuid");
    expect(teamFromFilename("oost.txt")).toBe("oost");
    expect(zonedTime(2026, 7, 1, 12, 0, 0).toISOString()).toBe("2026-07-01T10:00:00.000Z");
  });

  it("reads an export through readExport with --team", () => {
    const r = readExport(join(FIX, "whatsapp-nl.txt"), { team: "wijkteam-noord" });
    expect(r.format).toBe("whatsapp");
    expect(new Set(r.messages.map((m) => m.team))).toEqual(new Set(["wijkteam-noord"]));
  });
});
