// One WhatsApp group export that holds several teams, with the team in the sender name
// ("Team Noord - Sanne") and 8 near-identical briefadres questions from four teams. Read as one
// team it can never pass the "at least two teams" rule; with --team-from-sender or a mapping
// file it yields the briefadres candidate across its teams, and the replay says per team what it
// read and skipped.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { progressReporter } from "../../src/cli/progress.js";
import { assignTeams, parseTeamMap, teamsFromRegex } from "../../src/import/team-map.js";
import { ROOT, runCli } from "../helpers/cli.js";

const EXPORT = join(ROOT, "test/fixtures/patterns/whatsapp-multi-team.txt");
const env = { LOG_LEVEL: "warn" };

function store(): string {
  return `sqlite://${join(mkdtempSync(join(tmpdir(), "aanzet-replay-teams-")), "s.sqlite")}`;
}

interface K {
  status: string;
  teams: string[];
  cases: number;
  entries: string[];
}

async function knelpunten(s: string): Promise<K[]> {
  const r = await runCli(["knelpunten", "--json", "--store", s], { env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as K[];
}

describe("replay of a multi-team WhatsApp export", () => {
  it("read as one team: no candidate, and the output says why and what to try", async () => {
    const s = store();
    const r = await runCli(["replay", EXPORT, "--store", s], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/0 new candidate/);
    expect(r.stdout).toMatch(/counted as one team .* --team-from-sender/);
    expect(await knelpunten(s)).toEqual([]);
  });

  it("--team-from-sender '^Team (\\w+) - ' yields the briefadres candidate across the four teams", async () => {
    const s = store();
    const r = await runCli(["replay", EXPORT, "--store", s, "--team-from-sender", "^Team (\\w+) - "], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 new candidate/);
    expect(r.stdout).toMatch(/team Noord: 3 read/);
    expect(r.stdout).toMatch(/team West: 2 read, 1 skipped \(1 media or deleted message\)/);
    expect(r.stdout).toMatch(/1 message from senders that .* did not match/);
    const list = await knelpunten(s);
    expect(list).toHaveLength(1);
    expect(list[0]!.status).toBe("candidate");
    expect([...list[0]!.teams].sort()).toEqual(["Noord", "Oost", "West", "Zuid"]);
    expect(list[0]!.cases).toBe(8);
    expect(list[0]!.entries.some((e) => e.includes("briefadres"))).toBe(true);
  });

  it("a mapping file does the same, and --json reports per team", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aanzet-replay-map-"));
    const map = join(dir, "teams.txt");
    writeFileSync(map, "# sender = team\n/^Team (\\w+) - / = $1\nGast Anton = gasten\n");
    const s = store();
    const r = await runCli(["replay", EXPORT, "--store", s, "--team-map", map, "--json"], { env });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      newCandidates: number;
      unmatchedSenders: number;
      teams: Array<{ team: string; read: number; skipped: number }>;
    };
    expect(out.newCandidates).toBe(1);
    expect(out.unmatchedSenders).toBe(0);
    expect(out.teams.find((t) => t.team === "gasten")).toMatchObject({ read: 1, skipped: 0 });
    expect(out.teams.find((t) => t.team === "Zuid")).toMatchObject({ read: 2, skipped: 1 });
  });

  it("a regex without a group or a bad mapping line is a usage error", async () => {
    const r = await runCli(["replay", EXPORT, "--store", "memory://", "--team-from-sender", "^Team"], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a group for the team/);
    expect(() => parseTeamMap("Sanne noord\n", "teams.txt")).toThrow(/teams.txt, line 1: expected/);
  });
});

describe("sender rules", () => {
  it("names match exactly in any case; a regex group gives the team; others keep their team", () => {
    const teams = parseTeamMap("sanne de vries = noord\n/^Timo\\b/ = zuid\n");
    expect(teams.teamOf("Sanne de Vries")).toBe("noord");
    expect(teams.teamOf("Sanne de Vries-Bakker")).toBeUndefined();
    expect(teams.teamOf("Timo K")).toBe("zuid");
    const at = new Date(0);
    const r = assignTeams(
      [
        { id: "1", team: "groep", user: "Team Noord - Sanne", at, text: "x" },
        { id: "2", team: "groep", user: "Anton", at, text: "y" },
      ],
      teamsFromRegex("^Team (\\w+) - "),
    );
    expect(r.messages.map((m) => m.team)).toEqual(["Noord", "groep"]);
    expect(r.unmatched).toBe(1);
  });
});

describe("progress", () => {
  it("draws a bar on a terminal and ends at the total", () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
    let written = "";
    stream.on("data", (d: Buffer) => (written += d.toString()));
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), stdin: stream, isTTY: true };
    const p = progressReporter(io, { tty: true, total: 400, every: 500, stream });
    expect(p.every).toBe(4);
    p.update(200, 400);
    p.stop();
    expect(written).toMatch(/400\/400 messages/);
    expect(lines).toEqual([]);
  });

  it("prints plain lines when not on a terminal", () => {
    const lines: string[] = [];
    const io = { out: () => {}, err: (l: string) => lines.push(l), stdin: new PassThrough(), isTTY: false };
    const p = progressReporter(io, { tty: false, total: 10, every: 5 });
    p.update(5, 10);
    p.stop();
    expect(lines).toEqual(["aanzet replay: 5/10 messages"]);
  });
});
