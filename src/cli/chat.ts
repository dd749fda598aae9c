// `aanzet chat`: the console channel. Interactive on a TTY; with piped stdin it reads one
// message per line, prints each reply, and exits at end of input.
import { createInterface } from "node:readline";
import type { App } from "../app.js";
import type { Button, Turn } from "../core/types.js";
import { matchButton, renderReply } from "../adapters/console/render.js";
import type { CliIO } from "./io.js";
import type { AskOptions } from "./ask.js";

export interface ChatOptions extends AskOptions {
  /** Conversation key: a stable thread lets a flow resume after a restart. */
  thread: string;
}

const WELCOME = "aanzet: stel je vraag over wie aan zet is. Typ /help voor uitleg, of stop met Ctrl+D.";

export async function runChat(app: App, io: CliIO, o: ChatOptions): Promise<number> {
  const interactive = io.isTTY;
  const rl = createInterface({
    input: io.stdin,
    output: interactive ? process.stdout : undefined,
    terminal: interactive,
    crlfDelay: Infinity,
  });
  if (interactive) {
    io.out(WELCOME);
    rl.setPrompt("> ");
    rl.prompt();
  }
  let buttons: Button[] = [];
  let n = 0;
  for await (const raw of rl) {
    const text = raw.replace(/\r$/, "");
    if (text.trim().length === 0) {
      if (interactive) rl.prompt();
      continue;
    }
    n++;
    const button = matchButton(text, buttons);
    const turn: Turn = {
      id: `console-${o.thread}-${Date.now()}-${n}`,
      channel: "console",
      tenant: o.tenant,
      team: o.team,
      thread: o.thread,
      user: o.user,
      role: o.role,
      text: button ? "" : text,
      direct: true,
      ...(button
        ? { action: { id: button.action, ...(button.value !== undefined ? { value: button.value } : {}) } }
        : {}),
    };
    const replies = await app.bot.handle(turn);
    buttons = replies.flatMap((r) => r.buttons ?? []);
    for (const r of replies) io.out(renderReply(r));
    if (!interactive) io.out("");
    else rl.prompt();
  }
  if (interactive) io.out("Tot ziens.");
  return 0;
}
