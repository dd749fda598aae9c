// `aanzet serve`: one HTTP port for Slack (/slack/events), Teams (/api/messages) and
// GET /healthz. The app's features bring the channel adapters; each mounts on the shared
// express app.
import type { Server } from "node:http";
import express from "express";
import type { App, ChannelAdapter } from "../features/feature.js";
import { startMaintenance } from "../store/maintenance.js";
import { createMetrics } from "./metrics.js";
import { isAdminStore } from "../store/types.js";

export type { ChannelAdapter } from "../features/feature.js";

export interface Running {
  server: Server;
  port: number;
  adapters: ChannelAdapter[];
  close(): Promise<void>;
}

/** Start the HTTP server on `port` (0 = any free port) with every configured channel. */
export async function serve(app: App, port: number, host = "0.0.0.0"): Promise<Running> {
  const web = express();
  web.disable("x-powered-by");
  const adapters: ChannelAdapter[] = [];
  for (const factory of app.features.flatMap((f) => f.adapters ?? [])) {
    const a = await factory(app);
    if (a) adapters.push(a);
  }
  // Prometheus text format; the timing wraps every channel request, so it comes first.
  const metrics = createMetrics(app);
  web.use(metrics.timing);
  web.get("/metrics", metrics.route);
  web.get("/healthz", (_req, res) => {
    res.json({
      status: "ok",
      channels: adapters.map((a) => a.name),
      map: { entries: app.map.base.length },
      // Records queued in memory and in the outage spill file (the same records, mostly).
      questionLog: {
        pending: Math.max(app.bot.questions.pending, (isAdminStore(app.store) && app.store.spilled) || 0),
        dropped: app.bot.questions.droppedCount,
      },
      // Still "ok" with the store down: the bot answers from the map and queues the records.
      store: isAdminStore(app.store) ? { scheme: app.store.scheme, available: app.store.available } : undefined,
    });
  });
  for (const a of adapters) await a.mount(web);
  web.use((_req, res) => {
    res.status(404).json({ error: "not found" });
  });
  // A handler that throws must never take the process down: answer 500 and log the code.
  web.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    // A body the parser refused (too large, not JSON, bad encoding) is the client's error: say
    // which, with its own 4xx status (413, 400, 415), instead of a 500.
    const status =
      (err as { status?: unknown; statusCode?: unknown })?.status ?? (err as { statusCode?: unknown })?.statusCode;
    if (typeof status === "number" && status >= 400 && status < 500) {
      app.log.warn(
        { code: "INPUT_INVALID", status, err: err instanceof Error ? err.name : "error" },
        "http request refused",
      );
      if (!res.headersSent)
        res.status(status).json({ error: status === 413 ? "request too large" : "invalid request" });
      return;
    }
    app.log.error(
      { code: "HANDLER_FAILED", err: err instanceof Error ? err.name : String(err) },
      "http handler failed",
    );
    if (!res.headersSent) res.status(500).json({ error: "internal error" });
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = web.listen(port, host, () => resolve(s));
    s.on("error", reject);
  });
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  for (const a of adapters) await a.start?.();
  // Queued question records are written when the store is back; old data is purged daily.
  const stopMaintenance = startMaintenance({
    store: app.store,
    log: app.log,
    retention: app.config.retention,
    purgeHours: app.config.env.AANZET_PURGE_HOURS,
    queue: app.bot.questions,
  });
  app.log.info({ port: actual, channels: adapters.map((a) => a.name) }, "aanzet serving");
  return {
    server,
    port: actual,
    adapters,
    close: async () => {
      stopMaintenance();
      for (const a of adapters) await a.stop?.().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
    },
  };
}
