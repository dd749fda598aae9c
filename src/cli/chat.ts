// `aanzet chat`: the console channel. Interactive on a TTY; with piped stdin it reads one
// message per line, prints each reply, and exits at end of input.
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import type { App } from "../app.js";
import { AanzetError } from "../core/errors.js";
import { AuditLog } from "../core/learning/audit.js";
import type { Role } from "../core/types.js";
import type { Button, Turn } from "../core/types.js";
import { matchButton, renderReply } from "../adapters/console/render.js";
import type { CliIO } from "./io.js";
import type { AskOptions } from "./ask.js";

export interface ChatOptions extends AskOptions {
  /** Conversation key: a stable thread lets a flow resume after a restart. */
  thread: string;
}

/**
 * The role the console speaks with. `--role` is a request, not a grant: it must be configured for
 * the console user (AANZET_COACHES/LEADS/ADMINS, or stored per tenant with `aanzet roles`). An
 * operator at the machine may take it anyway with `--as-operator-role`; that is written to the
 * tenant's audit log (who "cli", the role and the console user). Returns the role to use.
 */
export async function consoleRole(app: App, o: AskOptions, operatorRole: boolean): Promise<Role> {
  if (o.role === "worker") return "worker";
  const granted = await app.roles.resolve(o.tenant, o.user);
  if (granted === o.role || granted === "admin") return o.role;
  if (!operatorRole)
    throw new AanzetError(
      "USAGE",
      `role ${o.role} is not configured for console user "${o.user}" in tenant ${o.tenant}: add ${o.tenant}:${o.user} to AANZET_${o.role.toUpperCase()}S (or grant it with \`aanzet roles\`), or pass --as-operator-role to take it as the operator (written to the audit log)`,
    );
  await new AuditLog(app.store, app.clock).record({
    tenant: o.tenant,
    who: "cli",
    role: o.role,
    action: "console.operator-role",
    target: o.user,
    details: { role: o.role, configured: granted },
  });
  return o.role;
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
  // Message ids only have to be unique (the bot dedupes on them), not say when: no wall clock.
  const session = randomBytes(6).toString("hex");
  for await (const raw of rl) {
    const text = raw.replace(/\r$/, "");
    if (text.trim().length === 0) {
      if (interactive) rl.prompt();
      continue;
    }
    n++;
    const button = matchButton(text, buttons);
    const turn: Turn = {
      id: `console-${o.thread}-${session}-${n}`,
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
