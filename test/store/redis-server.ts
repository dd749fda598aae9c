// A private redis-server on a free loopback port that a test may stop, pause and restart
// (outage tests). Needs the redis-server binary (.ci/run installs it); `available` says.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The server keeps the real time: under scripts/faketime-suite.sh libfaketime is preloaded
 * for the tests, and redis-server hangs at start with it. */
const serverEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k !== "LD_PRELOAD" && !k.startsWith("FAKETIME")),
);

export const REDIS_BINARY =
  spawnSync("redis-server", ["--version"], { encoding: "utf8", env: serverEnv, timeout: 10_000 }).status === 0;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export class PrivateRedis {
  private child: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), "aanzet-redis-"));
  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<PrivateRedis> {
    const r = new PrivateRedis(await freePort());
    await r.start();
    return r;
  }

  /** Start (again) on the same port; data survives restarts (append-only file, fsync always). */
  async start(): Promise<void> {
    const child = spawn(
      "redis-server",
      [
        "--port",
        String(this.port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "yes",
        "--appendfsync",
        "always",
        "--dir",
        this.dir,
      ],
      {
        stdio: ["ignore", "pipe", "ignore"],
        env: serverEnv,
      },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("redis-server did not start")), 5000);
      child.stdout!.on("data", (d: Buffer) => {
        if (/Ready to accept connections/i.test(d.toString())) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", () => reject(new Error("redis-server exited")));
    });
  }

  /** Hard stop (the outage). */
  async stop(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once("exit", () => resolve());
      c.kill("SIGKILL");
    });
    this.child = undefined;
  }

  /** Freeze / thaw: a store that hangs instead of refusing (timeouts). */
  pause(): void {
    this.child?.kill("SIGSTOP");
  }

  resume(): void {
    this.child?.kill("SIGCONT");
  }

  async destroy(): Promise<void> {
    this.resume();
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
