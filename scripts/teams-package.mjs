// `npm run teams:package`: the Teams app package a Teams admin uploads (Teams admin center >
// Manage apps > Upload new app, or "Upload a custom app" in the Teams client).
// Writes teams/aanzet-teams.zip: manifest.json with ${...} filled in, color.png, outline.png.
//   MicrosoftAppId             the Azure Bot's app id (a GUID); placeholder GUID + warning if unset
//   AANZET_TEAMS_WEBSITE_URL   developer website (https); AANZET_TEAMS_PRIVACY_URL and
//   AANZET_TEAMS_TERMS_URL     default to it
// Options: --out <file> writes the zip elsewhere.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { colorIcon, outlineIcon } from "../teams/icons.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const TEAMS = join(ROOT, "teams");
const PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail(message) {
  console.error(`teams:package: ${message}`);
  process.exit(1);
}

function warn(message) {
  console.error(`teams:package: warning: ${message}`);
}

const args = process.argv.slice(2);
const outIdx = args.indexOf("--out");
const out = resolve(outIdx >= 0 && args[outIdx + 1] ? args[outIdx + 1] : join(TEAMS, "aanzet-teams.zip"));

let appId = process.env.MicrosoftAppId?.trim();
if (!appId) {
  warn(
    `MicrosoftAppId is not set; using the placeholder ${PLACEHOLDER_ID}. Set it to your Azure Bot's app id before you upload the package.`,
  );
  appId = PLACEHOLDER_ID;
} else if (!GUID.test(appId)) {
  fail(`MicrosoftAppId must be a GUID (the Azure Bot's Microsoft App ID), got "${appId}"`);
}

let website = process.env.AANZET_TEAMS_WEBSITE_URL?.trim();
if (!website) {
  website = "https://example.org/aanzet";
  warn(`AANZET_TEAMS_WEBSITE_URL is not set; using ${website}. Teams shows it on the app's About page.`);
}
const values = {
  MicrosoftAppId: appId,
  version: JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version,
  AANZET_TEAMS_WEBSITE_URL: website,
  AANZET_TEAMS_PRIVACY_URL: process.env.AANZET_TEAMS_PRIVACY_URL?.trim() || website,
  AANZET_TEAMS_TERMS_URL: process.env.AANZET_TEAMS_TERMS_URL?.trim() || website,
};
for (const key of ["AANZET_TEAMS_WEBSITE_URL", "AANZET_TEAMS_PRIVACY_URL", "AANZET_TEAMS_TERMS_URL"]) {
  if (!/^https:\/\/[^\s/]+/.test(values[key])) fail(`${key} must be an https URL, got "${values[key]}"`);
}

const template = readFileSync(join(TEAMS, "manifest.json"), "utf8");
const filled = template.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name) => {
  if (!(name in values)) fail(`teams/manifest.json uses \${${name}}, which this script does not fill in`);
  return values[name];
});
let manifest;
try {
  manifest = JSON.parse(filled);
} catch (err) {
  fail(`teams/manifest.json is not valid JSON after substitution: ${err.message}`);
}

// Icons are committed; regenerate them when missing (pure Node, see teams/icons.mjs).
const icon = (name, make) => {
  const path = join(TEAMS, name);
  if (!existsSync(path)) writeFileSync(path, make());
  return readFileSync(path);
};
const files = {
  "manifest.json": new TextEncoder().encode(JSON.stringify(manifest, null, 2) + "\n"),
  [manifest.icons.color]: icon(manifest.icons.color, colorIcon),
  [manifest.icons.outline]: icon(manifest.icons.outline, outlineIcon),
};

mkdirSync(dirname(out), { recursive: true });
// A fixed mtime keeps the zip byte-identical for the same inputs.
writeFileSync(out, zipSync(files, { level: 9, mtime: new Date("2026-01-01T00:00:00Z") }));
console.log(out);
