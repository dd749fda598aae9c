// The shared adapter contract through the console channel: `aanzet chat`'s runChat with a
// fake terminal (piped stdin, captured stdout), one run per message as with `printf ... |`.
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { createApp } from "../../../src/app.js";
import { runChat } from "../../../src/cli/chat.js";
import type { CliIO } from "../../../src/cli/io.js";
import { loadConfig } from "../../../src/config.js";
import { silentLog } from "../../../src/core/ports.js";
import { adapterContract } from "../contract.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

adapterContract("console", async () => {
  const config = loadConfig({
    AANZET_STORE: "memory://",
    AANZET_PSEUDONYM_SECRET: "pseudonym-secret-for-tests-0123",
    AANZET_MAP_DIR: join(ROOT, "map"),
    AANZET_FLOWS_DIR: join(ROOT, "flows"),
    AANZET_PROMPTS_DIR: join(ROOT, "prompts"),
    LOG_LEVEL: "silent",
  });
  const app = await createApp(config, { root: ROOT, log: silentLog });
  return {
    supports: { redelivery: false, mention: false },
    async send(text, opts = {}) {
      const out: string[] = [];
      const io: CliIO = {
        out: (line) => out.push(line),
        err: () => undefined,
        stdin: Readable.from([`${text}\n`]),
        isTTY: false,
      };
      await runChat(app, io, {
        tenant: config.tenant,
        team: config.team,
        user: "console-user",
        role: "worker",
        thread: opts.thread ?? "contract",
      });
      // Piped mode prints each reply, then an empty line after the message.
      return out.filter((line) => line.trim().length > 0);
    },
    close: () => app.close(),
  };
});
