// The flow plugin: starts flows, routes a thread's messages to its running flow, and keeps
// the state in the store after every change. One flow per thread; only its starter moves it
// on; a side question is answered without losing the flow; idle flows expire politely.
import type { Bot, SafeTurn, TurnContext, TurnHandler } from "../bot.js";
import type { Button, Reply } from "../types.js";
import type { FlowEnv } from "./computed.js";
import { back, prompt, skip, startState, submit, type Step } from "./engine.js";
import { flowCommand, looksLikeQuestion, parseChoice, parseYesNo } from "./input.js";
import type { Messages } from "./messages.js";
import { currentStep } from "./path.js";
import { buildRecord, recordReply, type DecisionRecord } from "./record.js";
import type { FlowDef } from "./schema.js";
import { newInstanceId, triggeredFlow } from "./start.js";
import { isOpen, loadState, recordKey, saveState, type FlowState } from "./state.js";

export interface FlowCatalog {
  flows: FlowDef[];
  messages: Messages;
}

export interface FlowPluginOptions {
  /** A running flow untouched this long expires (AANZET_FLOW_IDLE_DAYS). */
  idleDays: number;
  /** How long states and decision records are kept (AANZET_RETENTION_DAYS). */
  retentionDays: number;
  /** Instance ids; tests pass a predictable one. */
  newId?: (flow: FlowDef) => string;
}

const DAY_MS = 86_400_000;
/** Dutch date for notices: 3-12-2026. */
function dutchDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()}-${d.getUTCMonth() + 1}-${d.getUTCFullYear()}`;
}

export class FlowPlugin {
  private readonly byId: Map<string, FlowDef>;

  constructor(
    private readonly bot: Bot,
    private readonly catalog: FlowCatalog,
    private readonly opts: FlowPluginOptions,
  ) {
    this.byId = new Map(catalog.flows.map((f) => [f.id, f]));
  }

  get messages(): Messages {
    return this.catalog.messages;
  }

  /** The TurnHandler to pass to bot.use(). */
  handler(): TurnHandler {
    return (turn, ctx) => this.handle(turn, ctx);
  }

  /** "Start Omgekeerde Toets" / "Escalatie" buttons under an answer. */
  startButtons(): Button[] {
    return this.catalog.flows
      .filter((f) => f.start.button)
      .map((f) => ({ label: this.messages.get(f.start.button!), action: "flow:start", value: f.id }));
  }

  /** A stored decision record by instance id (for `aanzet flows export`). */
  async record(tenant: string, id: string): Promise<DecisionRecord | undefined> {
    return this.bot.store.get<DecisionRecord>(recordKey(tenant, id));
  }

  private env(tenant: string): FlowEnv {
    return { map: this.bot.map, answerer: this.bot.answerer, messages: this.messages, tenant, today: this.bot.today() };
  }

  private ttlMs(): number {
    return this.opts.retentionDays * DAY_MS;
  }

  private async handle(turn: SafeTurn, ctx: TurnContext): Promise<Reply[] | undefined> {
    const action = turn.action?.id.startsWith("flow:") ? turn.action : undefined;
    if (turn.action && !action) return undefined; // another plugin's button
    const isExport = /^\/export\s*$/i.test(turn.text.trim());
    const starting = triggeredFlow(turn, this.catalog.flows);
    const now = this.bot.clock.now();
    let state = await loadState(this.bot.store, turn.tenant, turn.thread);
    const notices: Reply[] = [];

    if (isOpen(state) && now.getTime() - Date.parse(state.updatedAt) > this.opts.idleDays * DAY_MS) {
      const flow = this.byId.get(state.flow);
      const expired: FlowState = {
        ...state,
        status: "expired",
        updatedAt: now.toISOString(),
        version: state.version + 1,
      };
      if (await saveState(this.bot.store, expired, this.ttlMs())) {
        ctx.log.debug({ code: "FLOW_EXPIRED", flow: state.flow, instance: state.id }, "flow expired");
        notices.push({
          text: this.messages.get("flow.verlopen", {
            flow: flow ? this.messages.get(flow.title) : state.flow,
            datum: dutchDate(state.startedAt),
            dagen: this.opts.idleDays,
            command: flow?.start.commands[0] ? `/${flow.start.commands[0]}` : "/help",
          }),
        });
      }
      state = await loadState(this.bot.store, turn.tenant, turn.thread);
    }

    if (isExport) return [...notices, await this.exportReply(state, turn.tenant)];

    if (starting) {
      if (isOpen(state)) return [...notices, ...this.alreadyRunning(state, turn)];
      return [...notices, ...(await this.start(starting, state, turn, ctx))];
    }

    if (!isOpen(state)) {
      if (notices.length === 0) return undefined;
      // The message after an expiry: answer a real question, otherwise only the notice.
      if (!action && looksLikeQuestion(turn.text, undefined, false)) return [...notices, ...(await ctx.ask(turn))];
      return notices;
    }

    const flow = this.byId.get(state.flow);
    if (!flow || !currentStep(flow, state)) {
      // The flow was removed from content since it started: close it quietly.
      await saveState(this.bot.store, { ...state, status: "abandoned", version: state.version + 1 }, this.ttlMs());
      return undefined;
    }
    const step = currentStep(flow, state)!;
    const env = this.env(turn.tenant);
    const isOption =
      step.input === "choice"
        ? parseChoice(turn.text, step, this.messages) !== undefined
        : step.input === "yesno"
          ? parseYesNo(turn.text) !== undefined
          : false;
    const command = flowCommand(turn.text, action?.id);
    const sideQuestion = !action && !command && looksLikeQuestion(turn.text, step, isOption);

    if (!action && /^\//.test(turn.text.trim())) return undefined; // /help and other bot commands
    if (turn.user !== state.owner) {
      // Others in the thread may ask their own questions; they cannot move this flow.
      if (sideQuestion) return undefined;
      return [{ text: this.messages.get("flow.niet-jouw", { flow: this.messages.get(flow.title) }) }];
    }

    if (state.status === "stopping") return this.confirmStop(flow, state, turn, ctx, env, command);

    if (sideQuestion) {
      const answer = await ctx.ask(turn);
      const again = prompt(flow, state, env, true);
      return [
        ...answer,
        {
          ...again,
          text: `${this.messages.get("flow.terug-naar", { flow: this.messages.get(flow.title) })}\n${again.text}`,
        },
      ];
    }

    let result: Step;
    switch (command) {
      case "help": {
        const again = prompt(flow, state, env, true);
        const help = step.help ? this.messages.get(step.help) : this.messages.get("flow.uitleg.geen");
        return [{ ...again, text: `${help}\n\n${again.text}` }];
      }
      case "stop": {
        const next: FlowState = { ...state, status: "stopping" };
        if (!(await this.commit(next, state, now))) return this.conflict(turn, env);
        return [
          {
            text: this.messages.get("flow.stop.vraag", { flow: this.messages.get(flow.title) }),
            buttons: [
              { label: this.messages.get("flow.ja"), action: "flow:answer", value: "ja", style: "danger" },
              { label: this.messages.get("flow.nee"), action: "flow:answer", value: "nee" },
            ],
          },
        ];
      }
      case "back":
        result = back(state, this.messages);
        break;
      case "skip":
        result = skip(flow, state, env);
        break;
      default:
        result = submit(flow, state, env, {
          text: turn.text,
          value: action?.id === "flow:answer" ? action.value : undefined,
        });
    }
    if (!result.ok) {
      const again = prompt(flow, state, env, true);
      return [{ ...again, text: `${result.error}\n\n${again.text}` }];
    }
    return this.moveOn(
      flow,
      result.state,
      state,
      turn,
      ctx,
      env,
      command === "skip" ? this.messages.get("flow.overslaan.gedaan") : undefined,
    );
  }

  /** Save the new state and show the next step, or the decision record when done. */
  private async moveOn(
    flow: FlowDef,
    next: FlowState,
    prev: FlowState,
    turn: SafeTurn,
    ctx: TurnContext,
    env: FlowEnv,
    head?: string,
  ): Promise<Reply[]> {
    const now = this.bot.clock.now();
    if (next.status === "done") next = { ...next, finishedAt: now.toISOString() };
    if (!(await this.commit(next, prev, now))) return this.conflict(turn, env);
    ctx.log.debug(
      {
        code: next.status === "done" ? "FLOW_DONE" : "FLOW_STEP",
        flow: flow.id,
        instance: next.id,
        step: next.history.at(-1),
      },
      "flow moved on",
    );
    if (next.status === "done") {
      const record = buildRecord(flow, next, env, now);
      await this.bot.store.set(recordKey(next.tenant, next.id), record, this.ttlMs());
      return [
        recordReply(
          record,
          this.messages,
          this.messages.get("flow.klaar", { id: record.id, flow: this.messages.get(flow.title) }),
        ),
      ];
    }
    const p = prompt(flow, next, env);
    return [head ? { ...p, text: `${head}\n\n${p.text}` } : p];
  }

  private async start(flow: FlowDef, old: FlowState | undefined, turn: SafeTurn, ctx: TurnContext): Promise<Reply[]> {
    const now = this.bot.clock.now();
    const previous = old?.status === "done" ? old.id : old?.previous;
    const state: FlowState = {
      ...startState(flow, {
        id: (this.opts.newId ?? newInstanceId)(flow),
        tenant: turn.tenant,
        thread: turn.thread,
        owner: turn.user,
        now,
        version: (old?.version ?? 0) + 1,
        previous,
      }),
      team: turn.team,
    };
    const env = this.env(turn.tenant);
    if (!(await saveState(this.bot.store, state, this.ttlMs()))) return this.conflict(turn, env);
    ctx.log.debug({ code: "FLOW_STARTED", flow: flow.id, instance: state.id }, "flow started");
    const p = prompt(flow, state, env);
    const intro = this.messages.get(flow.intro, { id: state.id });
    return [{ ...p, text: `${intro}\n${this.messages.get("flow.hint")}\n\n${p.text}` }];
  }

  private alreadyRunning(state: FlowState, turn: SafeTurn): Reply[] {
    const flow = this.byId.get(state.flow);
    const name = flow ? this.messages.get(flow.title) : state.flow;
    if (turn.user !== state.owner) return [{ text: this.messages.get("flow.bezet", { flow: name }) }];
    if (state.status === "stopping") {
      return [
        { text: `${this.messages.get("flow.al-bezig", { flow: name })}\n\n${this.messages.get("flow.stop.ja-nee")}` },
      ];
    }
    const again = flow ? prompt(flow, state, this.env(turn.tenant), true) : { text: "" };
    return [{ ...again, text: `${this.messages.get("flow.al-bezig", { flow: name })}\n\n${again.text}`.trim() }];
  }

  private async confirmStop(
    flow: FlowDef,
    state: FlowState,
    turn: SafeTurn,
    ctx: TurnContext,
    env: FlowEnv,
    command: string | undefined,
  ): Promise<Reply[]> {
    const action = turn.action?.id === "flow:answer" ? turn.action.value : undefined;
    const yn = action === "ja" || action === "nee" ? action : command === "stop" ? "ja" : parseYesNo(turn.text);
    const now = this.bot.clock.now();
    if (yn === "ja") {
      if (!(await this.commit({ ...state, status: "abandoned" }, state, now))) return this.conflict(turn, env);
      ctx.log.debug({ code: "FLOW_STOPPED", flow: flow.id, instance: state.id }, "flow stopped");
      const cmd = flow.start.commands[0];
      return [
        {
          text: this.messages.get("flow.stop.klaar", {
            flow: this.messages.get(flow.title),
            command: cmd ? `/${cmd}` : "",
          }),
        },
      ];
    }
    if (yn === "nee") {
      const next: FlowState = { ...state, status: "active" };
      if (!(await this.commit(next, state, now))) return this.conflict(turn, env);
      const p = prompt(flow, next, env, true);
      return [{ ...p, text: `${this.messages.get("flow.stop.verder")}\n\n${p.text}` }];
    }
    return [
      {
        text: this.messages.get("flow.stop.ja-nee"),
        buttons: [
          { label: this.messages.get("flow.ja"), action: "flow:answer", value: "ja", style: "danger" },
          { label: this.messages.get("flow.nee"), action: "flow:answer", value: "nee" },
        ],
      },
    ];
  }

  /** Write a changed state (version + 1); false when another process got there first. */
  private async commit(next: FlowState, prev: FlowState, now: Date): Promise<boolean> {
    return saveState(
      this.bot.store,
      { ...next, version: prev.version + 1, updatedAt: now.toISOString() },
      this.ttlMs(),
    );
  }

  /** Someone else (another process, a double click) moved the flow on: show where it is now. */
  private async conflict(turn: SafeTurn, env: FlowEnv): Promise<Reply[]> {
    this.bot.log.warn({ code: "FLOW_CONFLICT", tenant: turn.tenant }, "flow changed concurrently");
    const state = await loadState(this.bot.store, turn.tenant, turn.thread);
    const flow = state ? this.byId.get(state.flow) : undefined;
    if (!isOpen(state) || !flow) return [{ text: this.messages.get("flow.conflict") }];
    const p = prompt(flow, state, env, true);
    return [{ ...p, text: `${this.messages.get("flow.conflict")}\n\n${p.text}` }];
  }

  /** /export: the running flow's record so far, else the last finished one in this thread. */
  private async exportReply(state: FlowState | undefined, tenant: string): Promise<Reply> {
    const m = this.messages;
    const env = this.env(tenant);
    if (isOpen(state)) {
      const flow = this.byId.get(state.flow);
      if (flow)
        return recordReply(
          buildRecord(flow, state, env, this.bot.clock.now()),
          m,
          m.get("flow.export.bezig", { id: state.id }),
        );
    }
    const id = state?.status === "done" ? state.id : state?.previous;
    let record = id ? await this.record(tenant, id) : undefined;
    if (!record && state?.status === "done") {
      const flow = this.byId.get(state.flow);
      if (flow) record = buildRecord(flow, state, env, this.bot.clock.now());
    }
    if (!record) return { text: m.get("flow.export.geen") };
    return recordReply(record, m, `${record.title} (${record.id})`);
  }
}
