// Inline SVG charts for the HTML report: no scripts, no external assets, readable when
// printed. Bars carry <title> elements so a screen reader (or a hover) gives the number.

export interface Bar {
  label: string;
  value: number;
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const COLORS = { bar: "#2b6cb0", axis: "#4a5568", grid: "#e2e8f0", text: "#1a202c" };

/** Vertical bars over time (one per week), with a light grid and the value on each bar. */
export function columnChart(
  id: string,
  title: string,
  bars: Bar[],
  opts: { width?: number; height?: number } = {},
): string {
  const width = opts.width ?? 720;
  const height = opts.height ?? 260;
  const pad = { top: 28, right: 12, bottom: 56, left: 36 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = bars.length > 0 ? innerW / bars.length : innerW;
  const barW = Math.max(4, Math.min(48, step * 0.7));
  const ticks = niceTicks(max);
  const parts: string[] = [];
  parts.push(
    `<svg id="${esc(id)}" class="chart" role="img" aria-labelledby="${esc(id)}-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
  );
  parts.push(`<title id="${esc(id)}-title">${esc(title)}</title>`);
  for (const t of ticks) {
    const y = pad.top + innerH - (t / max) * innerH;
    parts.push(
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="${COLORS.grid}"/>`,
    );
    parts.push(
      `<text x="${pad.left - 6}" y="${(y + 4).toFixed(1)}" font-size="11" text-anchor="end" fill="${COLORS.axis}">${t}</text>`,
    );
  }
  bars.forEach((b, i) => {
    const h = (b.value / max) * innerH;
    const x = pad.left + i * step + (step - barW) / 2;
    const y = pad.top + innerH - h;
    parts.push(
      `<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS.bar}"><title>${esc(b.label)}: ${b.value}</title></rect>`,
    );
    if (b.value > 0)
      parts.push(
        `<text x="${(x + barW / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" font-size="11" text-anchor="middle" fill="${COLORS.text}">${b.value}</text>`,
      );
    const lx = x + barW / 2;
    const ly = pad.top + innerH + 14;
    parts.push(
      `<text x="${lx.toFixed(1)}" y="${ly}" font-size="11" text-anchor="end" transform="rotate(-40 ${lx.toFixed(1)} ${ly})" fill="${COLORS.axis}">${esc(b.label)}</text>`,
    );
  });
  parts.push(
    `<line x1="${pad.left}" x2="${width - pad.right}" y1="${pad.top + innerH}" y2="${pad.top + innerH}" stroke="${COLORS.axis}"/>`,
  );
  if (bars.length === 0)
    parts.push(
      `<text x="${width / 2}" y="${height / 2}" text-anchor="middle" fill="${COLORS.axis}">Geen gegevens</text>`,
    );
  parts.push("</svg>");
  return parts.join("");
}

/** Horizontal bars (teams, laws), longest first. */
export function barChart(id: string, title: string, bars: Bar[], opts: { width?: number } = {}): string {
  const width = opts.width ?? 720;
  const rowH = 26;
  const labelW = 320;
  const pad = { top: 12, right: 40, bottom: 12 };
  const height = pad.top + pad.bottom + Math.max(1, bars.length) * rowH;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const innerW = width - labelW - pad.right;
  const parts: string[] = [];
  parts.push(
    `<svg id="${esc(id)}" class="chart" role="img" aria-labelledby="${esc(id)}-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
  );
  parts.push(`<title id="${esc(id)}-title">${esc(title)}</title>`);
  bars.forEach((b, i) => {
    const y = pad.top + i * rowH;
    const w = (b.value / max) * innerW;
    const label = b.label.length > 44 ? `${b.label.slice(0, 43)}…` : b.label;
    parts.push(
      `<text x="${labelW - 8}" y="${y + rowH / 2 + 4}" font-size="12" text-anchor="end" fill="${COLORS.text}">${esc(label)}</text>`,
    );
    parts.push(
      `<rect class="bar" x="${labelW}" y="${y + 4}" width="${Math.max(1, w).toFixed(1)}" height="${rowH - 8}" fill="${COLORS.bar}"><title>${esc(b.label)}: ${b.value}</title></rect>`,
    );
    parts.push(
      `<text x="${(labelW + w + 6).toFixed(1)}" y="${y + rowH / 2 + 4}" font-size="12" fill="${COLORS.text}">${b.value}</text>`,
    );
  });
  if (bars.length === 0)
    parts.push(
      `<text x="${width / 2}" y="${height / 2 + 4}" text-anchor="middle" fill="${COLORS.axis}">Geen gegevens</text>`,
    );
  parts.push("</svg>");
  return parts.join("");
}

function niceTicks(max: number): number[] {
  const step = max <= 5 ? 1 : max <= 10 ? 2 : max <= 25 ? 5 : Math.ceil(max / 5 / 10) * 10;
  const out: number[] = [];
  for (let t = 0; t <= max; t += step) out.push(t);
  return out;
}
