// The Teams app icons, drawn with pure Node (zlib only): a white "your move" arrow.
// - color.png: 192x192, full-bleed accent colour, symbol inside the central 96x96 safe area.
// - outline.png: 32x32, white on transparent (Teams tints it; any other colour is refused).
// Run `node teams/icons.mjs` to write both next to this file; the package script imports it.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { fileURLToPath } from "node:url";

/** The accent colour; keep in sync with accentColor in manifest.json. */
export const ACCENT = [0x0e, 0x6e, 0x6e];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encode RGBA pixels (width*height*4 bytes) as a PNG (8-bit RGBA, no interlace). */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The arrow in a unit square: a shaft and a triangular head pointing right. */
function inArrow(x, y) {
  if (x >= 0.1 && x <= 0.56 && y >= 0.4 && y <= 0.6) return true;
  // Head: triangle (0.5,0.16) - (0.92,0.5) - (0.5,0.84).
  if (x < 0.5 || x > 0.92) return false;
  const half = 0.34 * (1 - (x - 0.5) / 0.42);
  return Math.abs(y - 0.5) <= half;
}

/** Coverage (0..1) of the arrow over one pixel, 4x4 supersampled for smooth edges. */
function coverage(px, py, origin, size) {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const x = (px + (sx + 0.5) / 4 - origin) / size;
      const y = (py + (sy + 0.5) / 4 - origin) / size;
      if (inArrow(x, y)) hits++;
    }
  }
  return hits / 16;
}

export function colorIcon() {
  const w = 192;
  const rgba = Buffer.alloc(w * w * 4);
  for (let y = 0; y < w; y++) {
    for (let x = 0; x < w; x++) {
      const a = coverage(x, y, 48, 96);
      const i = (y * w + x) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(ACCENT[c] * (1 - a) + 255 * a);
      rgba[i + 3] = 255;
    }
  }
  return encodePng(w, w, rgba);
}

export function outlineIcon() {
  const w = 32;
  const rgba = Buffer.alloc(w * w * 4);
  for (let y = 0; y < w; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      rgba[i] = rgba[i + 1] = rgba[i + 2] = 255;
      rgba[i + 3] = Math.round(255 * coverage(x, y, 2, 28));
    }
  }
  return encodePng(w, w, rgba);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fileURLToPath(new URL(".", import.meta.url));
  writeFileSync(`${dir}color.png`, colorIcon());
  writeFileSync(`${dir}outline.png`, outlineIcon());
  console.log(`wrote ${dir}color.png and ${dir}outline.png`);
}
