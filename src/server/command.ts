// `aanzet serve`: the HTTP endpoints of every configured channel, until SIGINT/SIGTERM.
import { parse } from "../cli/args.js";
import type { CommandHandler } from "../features/feature.js";
import { serve } from "./serve.js";

export const serveCommand: CommandHandler = async ({ args, io, config, open }) => {
  const { values } = parse(
    args,
    { port: { type: "string" }, host: { type: "string" } },
    "aanzet serve [--port N] [--host H]",
  );
  const app = await open();
  const port = values.port !== undefined ? Number(values.port) : config.port;
  const running = await serve(app, port, values.host ?? "0.0.0.0");
  io.err(
    `aanzet serve: listening on port ${running.port} (${running.adapters.map((a) => a.name).join(", ") || "no channels configured; only /healthz"})`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await running.close();
  await app.close();
  return 0;
};
