// Just enough PNG decoding to check the Teams icons: size, colour type and pixels.
import { inflateSync } from "node:zlib";

export interface Png {
  width: number;
  height: number;
  colorType: number;
  bitDepth: number;
  /** RGBA, 4 bytes per pixel (only for 8-bit RGB/RGBA images). */
  pixels: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Read the IHDR header: the first chunk after the signature. */
export function pngHeader(buf: Uint8Array): { width: number; height: number; bitDepth: number; colorType: number } {
  const b = Buffer.from(buf);
  if (!b.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG");
  if (b.toString("ascii", 12, 16) !== "IHDR") throw new Error("IHDR is not the first chunk");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), bitDepth: b[24]!, colorType: b[25]! };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decode an 8-bit RGB or RGBA, non-interlaced PNG to RGBA pixels. */
export function decodePng(buf: Uint8Array): Png {
  const b = Buffer.from(buf);
  const head = pngHeader(b);
  if (head.bitDepth !== 8 || (head.colorType !== 6 && head.colorType !== 2))
    throw new Error("only 8-bit RGB(A) supported");
  const channels = head.colorType === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let off = 8; off < b.length; ) {
    const len = b.readUInt32BE(off);
    const type = b.toString("ascii", off + 4, off + 8);
    if (type === "IDAT") idat.push(b.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = head.width * channels;
  const out = Buffer.alloc(head.width * head.height * channels);
  for (let y = 0; y < head.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? out[y * stride + x - channels]! : 0;
      const up = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
      const pred = [0, a, up, (a + up) >> 1, paeth(a, up, c)][filter];
      if (pred === undefined) throw new Error(`bad filter ${filter}`);
      out[y * stride + x] = (v + pred) & 0xff;
    }
  }
  const pixels = Buffer.alloc(head.width * head.height * 4);
  for (let i = 0; i < head.width * head.height; i++) {
    pixels[i * 4] = out[i * channels]!;
    pixels[i * 4 + 1] = out[i * channels + 1]!;
    pixels[i * 4 + 2] = out[i * channels + 2]!;
    pixels[i * 4 + 3] = channels === 4 ? out[i * channels + 3]! : 255;
  }
  return { ...head, pixels };
}
