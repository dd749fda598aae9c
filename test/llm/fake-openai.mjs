// A loopback OpenAI-compatible server for tests and `npm run bench`: POST /v1/chat/completions
// and POST /v1/embeddings, recording every request body. Behaviour is switchable per test via
// `fake.chat` / `fake.embed` (functions returning a reply spec); the default chat behaviour is
// a well-behaved model: it echoes the question for a rewrite, and phrases an answer from the
// entry JSON in the system prompt for a phrasing task. Plain JS so the bench can use it too.
import { createServer } from "node:http";
import { createHash } from "node:crypto";

/** Which task a chat request is for, from the prompt it carries. */
export function taskOf(body) {
  const system = (body.messages ?? [])
    .filter((m) => m.role === "system")
    .map((m) => m.content)
    .join("\n");
  if (system.includes('"leeftijdsgroep"')) return "rewrite";
  if (system.includes('"antwoord"')) return "phrase";
  return "other";
}

/** The entries JSON the phrasing prompt carries (```json fence), or undefined. */
export function entriesOf(body) {
  const system = (body.messages ?? [])
    .filter((m) => m.role === "system")
    .map((m) => m.content)
    .join("\n");
  const m = /```json\s*([\s\S]*?)```/.exec(system);
  if (!m) return undefined;
  try {
    return JSON.parse(m[1]);
  } catch {
    return undefined;
  }
}

/** The user message's JSON fields (the question as data). */
export function userDataOf(body) {
  const user = (body.messages ?? []).find((m) => m.role === "user");
  try {
    return JSON.parse(user?.content ?? "");
  } catch {
    return undefined;
  }
}

function firstSentence(text) {
  const m = /^[^.!?]*[.!?]/.exec(String(text ?? "").trim());
  return (m ? m[0] : String(text ?? "")).trim();
}

/** A grounded phrasing of the first entry: primary actor first, then summary and ifStuck. */
export function groundedPhrase(body) {
  const entry = entriesOf(body)?.[0];
  if (!entry) return JSON.stringify({ antwoord: "Dat weet ik niet." });
  const primary = entry.aanZet.find((a) => a.rol === "primary") ?? entry.aanZet[0];
  const head = `${primary.wie} is aan zet${primary.wet ? `, via de ${primary.wet}` : ""}.`;
  return JSON.stringify({
    antwoord: [head, firstSentence(entry.samenvatting), firstSentence(entry.alsHetVastloopt)].join(" "),
  });
}

/** Default chat behaviour: a model that follows the prompts. */
export function wellBehaved(ctx) {
  if (ctx.task === "rewrite") {
    const q = userDataOf(ctx.body)?.vraag ?? "";
    return { content: JSON.stringify({ vraag: q, behoefte: null, leeftijdsgroep: "onbekend", situatie: null }) };
  }
  if (ctx.task === "phrase") return { content: groundedPhrase(ctx.body) };
  return { content: "{}" };
}

function vectorOf(text, dims = 16) {
  const h = createHash("sha256").update(String(text)).digest();
  return Array.from({ length: dims }, (_, i) => (h[i % h.length] - 128) / 128);
}

/** Default embeddings behaviour: a stable 16-dim vector per input text. */
export function hashEmbeddings(ctx) {
  const input = Array.isArray(ctx.body.input) ? ctx.body.input : [ctx.body.input];
  return {
    json: {
      object: "list",
      model: ctx.body.model,
      data: input.map((t, index) => ({ object: "embedding", index, embedding: vectorOf(t) })),
      usage: { prompt_tokens: input.join(" ").length >> 2, total_tokens: input.join(" ").length >> 2 },
    },
  };
}

/**
 * Start the fake on 127.0.0.1 (a free port). Reply spec from `chat`/`embed`:
 * { content } chat reply text | { json } whole response body | { raw } raw body text |
 * { status, headers } error status | { refusal } a refusal | { finishReason } | { delayMs }.
 */
export async function startFakeOpenAi() {
  const requests = [];
  const fake = {
    baseUrl: "",
    requests,
    chat: wellBehaved,
    embed: hashEmbeddings,
    /** Answers sent, per chat request (same order as chat requests). */
    replies: [],
    reset() {
      requests.length = 0;
      fake.replies.length = 0;
      fake.chat = wellBehaved;
      fake.embed = hashEmbeddings;
    },
    close: async () => {},
  };
  const sockets = new Set();
  const server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (d) => (raw += d));
    req.on("end", async () => {
      let body;
      try {
        body = JSON.parse(raw);
      } catch {
        body = { unparsable: raw };
      }
      const path = (req.url ?? "").replace(/\?.*$/, "");
      requests.push({ path, body, raw, at: Date.now() });
      const isChat = path.endsWith("/chat/completions");
      const isEmbed = path.endsWith("/embeddings");
      if (!isChat && !isEmbed) {
        res
          .writeHead(404, { "content-type": "application/json" })
          .end(JSON.stringify({ error: { message: "not found" } }));
        return;
      }
      const ctx = { body, task: isChat ? taskOf(body) : "embed", path };
      let spec;
      try {
        spec = (isChat ? fake.chat : fake.embed)(ctx) ?? {};
      } catch (err) {
        spec = { status: 500, raw: String(err) };
      }
      if (spec.delayMs) {
        await new Promise((resolve) => {
          const t = setTimeout(resolve, spec.delayMs);
          res.on("close", () => {
            clearTimeout(t);
            resolve();
          });
        });
        if (res.destroyed || res.writableEnded) return;
      }
      if (spec.status && spec.status >= 400) {
        res.writeHead(spec.status, { "content-type": "application/json", ...(spec.headers ?? {}) });
        res.end(
          spec.raw ??
            JSON.stringify({
              error: { message: `fake error ${spec.status}`, type: "fake", code: String(spec.status) },
            }),
        );
        return;
      }
      if (spec.raw !== undefined) {
        res.writeHead(200, { "content-type": "application/json" }).end(spec.raw);
        return;
      }
      if (spec.json !== undefined) {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(spec.json));
        return;
      }
      const content = spec.refusal ? null : (spec.content ?? "");
      if (isChat) fake.replies.push(content);
      const promptChars = (body.messages ?? []).reduce((n, m) => n + String(m.content ?? "").length, 0);
      const reply = {
        id: `chatcmpl-fake-${requests.length}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model ?? "fake",
        choices: [
          {
            index: 0,
            message: { role: "assistant", content, refusal: spec.refusal ?? null },
            finish_reason: spec.finishReason ?? "stop",
          },
        ],
        usage: {
          prompt_tokens: Math.ceil(promptChars / 4),
          completion_tokens: Math.ceil(String(content ?? "").length / 4),
          total_tokens: Math.ceil(promptChars / 4) + Math.ceil(String(content ?? "").length / 4),
        },
      };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  fake.baseUrl = `http://127.0.0.1:${port}/v1`;
  fake.close = () =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return fake;
}
