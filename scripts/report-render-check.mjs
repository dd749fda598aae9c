// See the knelpunten report as a lead would: render the HTML report in headless Chromium at A4
// print size, print it to PDF, take a screenshot, and check that it reads on paper.
//
//   apt-get install -y chromium             # Debian's package; /usr/bin/chromium
//   npm run -s build && node scripts/report-render-check.mjs [report.html] [--out <folder>]
//
// Without a report it builds one: the done-when fixture replayed into a temp store, then
// `aanzet report`. It drives Chromium over the DevTools protocol (Node 22's WebSocket; no extra
// package) and checks, with the print stylesheet on an A4 page (8.27 x 11.69 in, 0.4 in margins):
//   1. nothing is wider than the printable width (no cut-off table or chart);
//   2. every chart is at least half the printable width (not shrunk to a thumbnail);
//   3. the smallest chart text prints at 7 pt or more (the usual floor for chart labels);
//   4. body text is 9 pt or more;
//   5. the PDF has at least one page and at most one page per knelpunt plus two.
// It writes report.pdf and report.png beside the report for a human look, prints one line per
// check, and exits 1 when a check fails. Not part of `npm test`: Chromium is a 300 MB install
// that CI does not need for every run (see README, "See the report as a lead would").
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const A4 = { widthIn: 8.27, heightIn: 11.69, marginIn: 0.4 };
const PX_PER_IN = 96;
const PRINTABLE_PX = Math.floor((A4.widthIn - 2 * A4.marginIn) * PX_PER_IN);
const PT_PER_PX = 0.75;

function fail(msg) {
  console.error(`report-render-check: ${msg}`);
  process.exit(2);
}

function args() {
  const a = process.argv.slice(2);
  const outIdx = a.indexOf("--out");
  const out = outIdx >= 0 ? a[outIdx + 1] : undefined;
  const file = a.find((x, i) => !x.startsWith("--") && a[i - 1] !== "--out");
  return { file, out };
}

/** Build a report from the done-when fixture; returns the HTML path. */
function buildReport(dir) {
  const bin = join(ROOT, "bin/aanzet.js");
  if (!existsSync(join(ROOT, "dist/src/cli/main.js"))) fail("build first: npm run -s build");
  const store = `sqlite://${join(dir, "store.sqlite")}`;
  const env = { ...process.env, LOG_LEVEL: "error", AANZET_TENANT: "demo" };
  const run = (...argv) => {
    const r = spawnSync(process.execPath, ["--disable-warning=ExperimentalWarning", bin, ...argv, "--store", store], {
      env,
      encoding: "utf8",
    });
    if (r.status !== 0) fail(`aanzet ${argv[0]} failed: ${r.stderr.trim()}`);
    return r.stdout;
  };
  run("replay", join(ROOT, "test/fixtures/patterns/done-when.jsonl"));
  run("report", "--out", join(dir, "report"));
  return join(dir, "report", "knelpunten.html");
}

/** Start Chromium with a DevTools port; resolves with the browser's WebSocket URL. */
function launch(profile) {
  if (!existsSync(CHROMIUM)) fail(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM)`);
  const child = spawn(
    CHROMIUM,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  return new Promise((res, rej) => {
    let err = "";
    const timer = setTimeout(() => rej(new Error(`Chromium did not start: ${err.slice(-400)}`)), 60_000);
    child.stderr.on("data", (d) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        res({ child, url: m[1] });
      }
    });
    child.on("exit", (code) => rej(new Error(`Chromium exited (${code}): ${err.slice(-400)}`)));
  });
}

/** A tiny DevTools protocol client over the browser WebSocket (flattened sessions). */
async function devtools(url) {
  const ws = new WebSocket(url);
  await new Promise((res, rej) => {
    ws.onopen = res;
    ws.onerror = () => rej(new Error("cannot reach Chromium's DevTools socket"));
  });
  let seq = 0;
  const pending = new Map();
  const waiters = [];
  ws.onmessage = (ev) => {
    const msg = JSON.parse(String(ev.data));
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.rej(new Error(`${msg.error.message}`));
      else p?.res(msg.result);
    } else {
      for (const w of waiters.splice(0)) if (!w(msg)) waiters.push(w);
    }
  };
  const send = (method, params = {}, sessionId) =>
    new Promise((res, rej) => {
      const id = ++seq;
      pending.set(id, { res, rej });
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  const once = (method) => new Promise((res) => waiters.push((m) => (m.method === method ? (res(m), true) : false)));
  return { send, once, close: () => ws.close() };
}

const MEASURE = `(() => {
  const doc = document.documentElement;
  const charts = [...document.querySelectorAll("svg.chart")].map((svg) => {
    const box = svg.getBoundingClientRect();
    const vb = svg.viewBox.baseVal;
    const scale = vb && vb.width ? box.width / vb.width : 1;
    const sizes = [...svg.querySelectorAll("text")].map((t) => parseFloat(t.getAttribute("font-size") || getComputedStyle(t).fontSize) * scale);
    return { id: svg.id, width: box.width, minTextPx: sizes.length ? Math.min(...sizes) : null };
  });
  const body = parseFloat(getComputedStyle(document.body).fontSize);
  return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, charts, bodyPx: body, sections: document.querySelectorAll("section.k").length };
})()`;

async function main() {
  const { file, out } = args();
  const work = mkdtempSync(join(tmpdir(), "aanzet-render-"));
  const html = resolve(file ?? buildReport(work));
  if (!existsSync(html)) fail(`no report at ${html}`);
  const outDir = resolve(out ?? dirname(html));
  mkdirSync(outDir, { recursive: true });
  const { child, url } = await launch(join(work, "profile"));
  const cdp = await devtools(url);
  const results = [];
  const check = (ok, text) => {
    results.push(ok);
    console.log(`${ok ? "ok  " : "FAIL"} ${text}`);
  };
  try {
    const { targetId } = await cdp.send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await cdp.send("Target.attachToTarget", { targetId, flatten: true });
    const s = (m, p) => cdp.send(m, p, sessionId);
    await s("Page.enable");
    // The printable width of an A4 page, with the print stylesheet.
    await s("Emulation.setDeviceMetricsOverride", {
      width: PRINTABLE_PX,
      height: Math.floor((A4.heightIn - 2 * A4.marginIn) * PX_PER_IN),
      deviceScaleFactor: 2,
      mobile: false,
    });
    await s("Emulation.setEmulatedMedia", { media: "print" });
    const loaded = cdp.once("Page.loadEventFired");
    await s("Page.navigate", { url: pathToFileURL(html).href });
    await loaded;
    const { result } = await s("Runtime.evaluate", { expression: MEASURE, returnByValue: true });
    const m = result.value;
    check(m.scrollWidth <= m.clientWidth + 1, `fits the A4 printable width: ${m.scrollWidth}px of ${PRINTABLE_PX}px`);
    check(m.charts.length > 0, `${m.charts.length} charts found`);
    for (const c of m.charts) {
      check(
        c.width >= PRINTABLE_PX / 2,
        `chart ${c.id}: ${Math.round(c.width)}px wide (at least ${PRINTABLE_PX / 2}px)`,
      );
      if (c.minTextPx !== null) {
        const pt = c.minTextPx * PT_PER_PX;
        check(pt >= 7, `chart ${c.id}: smallest text ${pt.toFixed(1)} pt on paper (at least 7 pt)`);
      }
    }
    const bodyPt = m.bodyPx * PT_PER_PX;
    check(bodyPt >= 9, `body text ${bodyPt.toFixed(1)} pt (at least 9 pt)`);
    const { data: png } = await s("Page.captureScreenshot", { format: "png", captureBeyondViewport: true });
    writeFileSync(join(outDir, "report.png"), Buffer.from(png, "base64"));
    const { data: pdf } = await s("Page.printToPDF", {
      paperWidth: A4.widthIn,
      paperHeight: A4.heightIn,
      marginTop: A4.marginIn,
      marginBottom: A4.marginIn,
      marginLeft: A4.marginIn,
      marginRight: A4.marginIn,
      printBackground: true,
    });
    const bytes = Buffer.from(pdf, "base64");
    writeFileSync(join(outDir, "report.pdf"), bytes);
    const pages = (bytes.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    check(pages >= 1 && pages <= m.sections + 2, `PDF: ${pages} A4 pages for ${m.sections} knelpunten`);
    console.log(`wrote ${join(outDir, "report.pdf")} and ${join(outDir, "report.png")}`);
  } finally {
    cdp.close();
    const exited = new Promise((res) => child.once("exit", res));
    child.kill("SIGKILL");
    await exited;
    // The browser profile goes; the report, PDF and PNG stay for a human look.
    rmSync(join(work, "profile"), { recursive: true, force: true, maxRetries: 5 });
  }
  const failed = results.filter((ok) => !ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => fail(err.message));
