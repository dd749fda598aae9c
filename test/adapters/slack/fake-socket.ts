// A loopback Socket Mode server: the minimum of RFC 6455 (handshake, text frames, ping/pong,
// close) that Slack's Socket Mode client needs. It says hello, pushes envelopes and records
// the acks (`{envelope_id}`) the client sends back.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : Buffer.from([0x80 | opcode, 126, len >> 8, len & 0xff]);
  if (len >= 65536) throw new Error("frame too large for this fake");
  return Buffer.concat([head, payload]);
}

export class FakeSocketMode {
  readonly acks: Array<Record<string, unknown>> = [];
  private readonly sockets = new Set<Duplex>();
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeSocketMode> {
    const server = createServer((_req, res) => res.writeHead(426).end());
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeSocketMode(server, `ws://127.0.0.1:${port}/link`);
    server.on("upgrade", (req, socket) => fake.accept(req.headers["sec-websocket-key"] as string, socket));
    return fake;
  }

  get connected(): number {
    return this.sockets.size;
  }

  private accept(key: string, socket: Duplex): void {
    const accept = createHash("sha1")
      .update(key + GUID)
      .digest("base64");
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => this.sockets.delete(socket));
    let buf = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        if (buf.length < 2) return;
        const opcode = buf[0]! & 0x0f;
        let len = buf[1]! & 0x7f;
        let off = 2;
        if (len === 126) {
          if (buf.length < 4) return;
          len = buf.readUInt16BE(2);
          off = 4;
        } else if (len === 127) {
          if (buf.length < 10) return;
          len = Number(buf.readBigUInt64BE(2));
          off = 10;
        }
        // Client frames are always masked.
        if (buf.length < off + 4 + len) return;
        const mask = buf.subarray(off, off + 4);
        const data = Buffer.from(buf.subarray(off + 4, off + 4 + len));
        for (let i = 0; i < data.length; i++) data[i]! ^= mask[i % 4]!;
        buf = buf.subarray(off + 4 + len);
        if (opcode === 0x1) this.acks.push(JSON.parse(data.toString("utf8")) as Record<string, unknown>);
        else if (opcode === 0x9) socket.write(frame(0xa, data));
        else if (opcode === 0x8) {
          socket.end(frame(0x8, Buffer.alloc(0)));
          return;
        }
      }
    });
    this.send({ type: "hello", num_connections: 1, debug_info: { host: "fake" }, connection_info: { app_id: "A1" } });
  }

  /** Send a JSON message to every connected client. */
  send(msg: Record<string, unknown>): void {
    const f = frame(0x1, Buffer.from(JSON.stringify(msg), "utf8"));
    for (const s of this.sockets) s.write(f);
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
