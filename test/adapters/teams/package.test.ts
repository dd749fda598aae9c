// The Teams app package: manifest fields, icons, and `npm run teams:package`.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { TEAMS_COMMANDS, commandText } from "../../../src/adapters/teams/normalise.js";
import { decodePng, pngHeader } from "./png.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const template = JSON.parse(readFileSync(join(ROOT, "teams/manifest.json"), "utf8"));
const work = mkdtempSync(join(tmpdir(), "aanzet-teams-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(
  cmd: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const clean = { ...process.env };
    for (const k of [
      "MicrosoftAppId",
      "AANZET_TEAMS_WEBSITE_URL",
      "AANZET_TEAMS_PRIVACY_URL",
      "AANZET_TEAMS_TERMS_URL",
    ])
      delete clean[k];
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...clean, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function readZip(path: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(path)));
}

type Manifest = typeof template;

/** The checks a Teams admin upload makes first: required fields, formats, lengths, ids. */
function checkManifest(m: Manifest, files: Record<string, Uint8Array>): void {
  expect(m.$schema).toMatch(/\/teams\/v1\.(1[7-9]|[2-9]\d)\/MicrosoftTeams\.schema\.json$/);
  expect(m.$schema).toContain(`/v${m.manifestVersion}/`);
  expect(m.version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(m.id).toMatch(GUID);
  expect(m.developer.name.length).toBeLessThanOrEqual(32);
  for (const url of [m.developer.websiteUrl, m.developer.privacyUrl, m.developer.termsOfUseUrl])
    expect(url).toMatch(/^https:\/\//);
  expect(m.name.short.length).toBeLessThanOrEqual(30);
  expect(m.name.full.length).toBeLessThanOrEqual(100);
  expect(m.description.short.length).toBeLessThanOrEqual(80);
  expect(m.description.full.length).toBeLessThanOrEqual(4000);
  expect(m.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
  expect(m.bots).toHaveLength(1);
  const bot = m.bots[0];
  expect(bot.botId).toBe(m.id);
  expect([...bot.scopes].sort()).toEqual(["groupChat", "personal", "team"]);
  for (const list of bot.commandLists) {
    expect(list.commands.length).toBeLessThanOrEqual(10);
    for (const c of list.commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
  }
  const color = pngHeader(files[m.icons.color]!);
  expect([color.width, color.height]).toEqual([192, 192]);
  const outline = decodePng(files[m.icons.outline]!);
  expect([outline.width, outline.height]).toEqual([32, 32]);
  expect(outline.colorType).toBe(6);
  // Outline: white on transparent only; and really drawn (some opaque, some clear pixels).
  let opaque = 0;
  let clear = 0;
  for (let i = 0; i < outline.pixels.length; i += 4) {
    const [r, g, b, a] = [outline.pixels[i]!, outline.pixels[i + 1]!, outline.pixels[i + 2]!, outline.pixels[i + 3]!];
    if (a > 0) expect([r, g, b]).toEqual([255, 255, 255]);
    if (a === 255) opaque++;
    if (a === 0) clear++;
  }
  expect(opaque).toBeGreaterThan(50);
  expect(clear).toBeGreaterThan(300);
  const colorPx = decodePng(files[m.icons.color]!).pixels;
  for (let i = 3; i < colorPx.length; i += 4) expect(colorPx[i]).toBe(255);
}

describe("Teams manifest template", () => {
  it("has the commands of the Slack app, each one understood by the adapter", () => {
    const titles = template.bots[0].commandLists.flatMap((l: { commands: Array<{ title: string }> }) =>
      l.commands.map((c) => c.title),
    );
    expect(titles).toEqual([...TEAMS_COMMANDS]);
    expect(titles).toEqual(["aanzet", "toets", "escalatie", "knelpunten", "help"]);
    for (const t of titles.filter((t: string) => t !== "aanzet")) expect(commandText(t)).toBe(`/${t}`);
    const slackManifest = join(ROOT, "manifest.json");
    if (existsSync(slackManifest)) {
      const slack = JSON.parse(readFileSync(slackManifest, "utf8")) as {
        features?: { slash_commands?: Array<{ command: string }> };
      };
      for (const c of slack.features?.slash_commands ?? []) expect(titles).toContain(c.command.replace(/^\//, ""));
    }
  });

  it("uses only the placeholders the package script fills in", () => {
    const raw = readFileSync(join(ROOT, "teams/manifest.json"), "utf8");
    const names = [...raw.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]);
    expect(new Set(names)).toEqual(
      new Set([
        "version",
        "MicrosoftAppId",
        "AANZET_TEAMS_WEBSITE_URL",
        "AANZET_TEAMS_PRIVACY_URL",
        "AANZET_TEAMS_TERMS_URL",
      ]),
    );
  });
});

describe("npm run teams:package", () => {
  it("writes teams/aanzet-teams.zip with manifest and icons at the root, warning about a missing app id", async () => {
    const out = join(ROOT, "teams/aanzet-teams.zip");
    rmSync(out, { force: true });
    const r = await run("npm", ["run", "-s", "teams:package"], {});
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/MicrosoftAppId is not set; using the placeholder 00000000-0000-0000-0000-000000000000/);
    const files = readZip(out);
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
    expect(manifest.id).toBe("00000000-0000-0000-0000-000000000000");
    expect(manifest.version).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    checkManifest(manifest, files);
  });

  it("fills in MicrosoftAppId and the website from the environment", async () => {
    const out = join(work, "app.zip");
    const id = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    const r = await run(process.execPath, ["scripts/teams-package.mjs", "--out", out], {
      MicrosoftAppId: id,
      AANZET_TEAMS_WEBSITE_URL: "https://aanzet.gemeente.example",
    });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("warning");
    const files = readZip(out);
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
    expect(manifest.id).toBe(id);
    expect(manifest.bots[0].botId).toBe(id);
    expect(manifest.developer.privacyUrl).toBe("https://aanzet.gemeente.example");
    expect(JSON.stringify(manifest)).not.toContain("${");
    checkManifest(manifest, files);
  });

  it("refuses an app id that is not a GUID", async () => {
    const r = await run(process.execPath, ["scripts/teams-package.mjs", "--out", join(work, "bad.zip")], {
      MicrosoftAppId: "mijn-bot",
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("MicrosoftAppId must be a GUID");
    expect(existsSync(join(work, "bad.zip"))).toBe(false);
  });
});
