// Calendar arithmetic on YYYY-MM-DD strings (the map's date format), in UTC so that a day is
// never shifted by the machine's time zone or a DST change.

function toUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** True for a real calendar day written as YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = toUtc(day);
  return !Number.isNaN(d.getTime()) && fromUtc(d) === day;
}

/** `day` plus `n` days (n may be negative). */
export function addDays(day: string, n: number): string {
  const d = toUtc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return fromUtc(d);
}

/** `day` plus `n` months; the 31st in a shorter month becomes that month's last day. */
export function addMonths(day: string, n: number): string {
  const [y, m, dd] = day.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(dd, last));
  return fromUtc(first);
}

/** "2027-01-15" -> "15-01-2027", the way Dutch texts write a date. */
export function dutchDate(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}-${m}-${y}`;
}
