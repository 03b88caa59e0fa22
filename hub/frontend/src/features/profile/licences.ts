/** A licence ending within this many days gets a warning. */
export const EXPIRY_WARNING_DAYS = 90;

export type Expiry = { state: 'expired' | 'expiring'; days: number } | null;

/** Today's date where the doctor is, as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function dayNumber(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

/** Whether a licence valid until `validTo` has expired, or expires within 90 days of `on`. */
export function expiry(validTo: string, on: string = today()): Expiry {
  const end = dayNumber(validTo);
  const now = dayNumber(on);
  if (end === null || now === null) return null;
  const days = end - now;
  if (days < 0) return { state: 'expired', days };
  if (days <= EXPIRY_WARNING_DAYS) return { state: 'expiring', days };
  return null;
}
