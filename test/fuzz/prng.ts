// A seeded PRNG (mulberry32) and generators of hostile input: the same seed, the same run.
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }

  /** Text from several alphabets: words, control characters, emoji, RTL, lone surrogates. */
  text(max = 80): string {
    const pools = [
      "abcdefghijklmnopqrstuvwxyz     ",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
      "<>&\"'`${}[]()\\/;:%*?|~^#@!=+-_.,",
      "\u0000\u0001\u0007\b\t\n\r\u000b\u001b\u007f",
      "éëïöüàçñßøåæ€£¥©®™",
      "🚀👩‍⚕️🏳️‍🌈💥\u200b\u200d\u202e\ufeff",
      "שלום مرحبا 你好 Привет",
    ];
    const len = this.chance(0.02) ? 5000 + this.int(40_000) : this.int(max);
    let s = "";
    for (let i = 0; i < len; i++) s += this.pick(this.pick(pools).split(""));
    if (this.chance(0.05)) s += "\ud800"; // a lone surrogate
    return s;
  }

  /** A random JSON value, at most `depth` deep. */
  json(depth = 3): unknown {
    const k = this.int(depth > 0 ? 8 : 5);
    switch (k) {
      case 0:
        return null;
      case 1:
        return this.chance(0.5);
      case 2:
        return this.pick([0, -1, 1.5, 1e308, -1e-308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1]);
      case 3:
      case 4:
        return this.text(30);
      case 5:
      case 6:
        return Array.from({ length: this.int(4) }, () => this.json(depth - 1));
      default: {
        const o: Record<string, unknown> = {};
        for (let i = 0; i < this.int(5); i++)
          o[this.pick(["type", "text", "user", "id", "ts", "__proto__", "constructor", this.text(8)])] = this.json(
            depth - 1,
          );
        return o;
      }
    }
  }

  /** Replace, drop or keep each field of `o` (one level), recursing into objects. */
  mutate<T>(o: T, rate = 0.25): T {
    if (!o || typeof o !== "object") return (this.chance(rate) ? this.json(2) : o) as T;
    const out: Record<string, unknown> = Array.isArray(o) ? ([] as unknown as Record<string, unknown>) : {};
    for (const [k, v] of Object.entries(o)) {
      const r = this.next();
      if (r < rate / 3) continue;
      out[k] = r < rate ? this.json(2) : v && typeof v === "object" ? this.mutate(v, rate) : v;
    }
    return out as T;
  }
}
