import { ApiError, isApiError, toFormPath, type FieldProblem } from '../../api/problem';
import { t } from '../../i18n';
import type { AvailabilityValues } from './availabilityForm';
import { weekdayName } from './format';
import { DAYS } from './types';

/** Where the hub's error for a field goes: a form field, or (null) the form's alert. */
export function availabilityFieldPath(field: string, values: AvailabilityValues): string | null {
  const path = toFormPath(field);
  const rules: [RegExp, (m: RegExpExecArray) => string | null][] = [
    [/^horizonWeeks$/, () => 'horizonWeeks'],
    [/^services\.(\d+)$/, (m) => `services.${m[1]}.name`],
    [
      /^services\.(\d+)\.(id|name|slotMinutes|bufferMinutes|mode|meetingLink)$/,
      (m) =>
        m[2] === 'meetingLink' && values.services[Number(m[1])]?.mode !== 'TELEMEDICINE'
          ? `services.${m[1]}.mode`
          : `services.${m[1]}.${m[2]}`,
    ],
    [/^locations\.(\d+)\.timeZone$/, (m) => `locations.${m[1]}.timeZone`],
    [/^locations\.(\d+)\.(weekly|extra)\.(\d+)$/, (m) => `locations.${m[1]}.${m[2]}.${m[3]}.start`],
    [
      /^locations\.(\d+)\.weekly\.(\d+)\.(days|start|end|service)(\.\d+)?$/,
      (m) => `locations.${m[1]}.weekly.${m[2]}.${m[3]}`,
    ],
    [
      /^locations\.(\d+)\.extra\.(\d+)\.(date|start|end|service)$/,
      (m) => `locations.${m[1]}.extra.${m[2]}.${m[3]}`,
    ],
    [/^leave\.(\d+)(\.start)?$/, (m) => `leave.${m[1]}.startDate`],
    [/^leave\.(\d+)\.end$/, (m) => `leave.${m[1]}.endDate`],
    [/^leave\.(\d+)\.(locationId|reason)$/, (m) => `leave.${m[1]}.${m[2]}`],
  ];
  for (const [pattern, target] of rules) {
    const match = pattern.exec(path);
    if (!match) continue;
    const placed = target(match);
    return placed && exists(values, placed) ? placed : null;
  }
  return null;
}

function exists(values: AvailabilityValues, path: string): boolean {
  let found: unknown = values;
  for (const key of path.split('.')) {
    if (found === null || typeof found !== 'object') return false;
    found = (found as Record<string, unknown>)[key];
  }
  return found !== undefined;
}

/** What to call a field's part of the form in the alert, when it has no field of its own. */
function partName(field: string, locationName: (index: number) => string): string {
  const path = toFormPath(field);
  const location = /^locations\.(\d+)/.exec(path);
  if (location) return locationName(Number(location[1]));
  if (path.startsWith('allotments')) return t('avail.allotments');
  if (path.startsWith('leave')) return t('avail.leave');
  if (path.startsWith('services')) return t('avail.services');
  return path;
}

/**
 * The hub's terse messages as sentences a doctor can act on: `overlaps weekly[0] on MONDAY` reads
 * `Overlaps hours 1 on Monday.`
 */
export function humanize(message: string): string {
  let text = message
    .trim()
    .replace(/\b(weekly|extra)\[(\d+)\]/g, (_, kind: string, index: string) =>
      t(kind === 'weekly' ? 'avail.hoursRef' : 'avail.extraRef', { n: Number(index) + 1 }),
    )
    .replace(/\b(MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)\b/g, (day) =>
      weekdayName(DAYS.indexOf(day as (typeof DAYS)[number]), 'long'),
    );
  if (!text) return text;
  text = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * The hub's problem with each field error moved to the form field that shows it (`useProblem`
 * places them), several for one field joined; the rest named by the part of the form they
 * concern, for the alert.
 */
export function forAvailabilityForm(
  error: unknown,
  values: AvailabilityValues,
  locationName: (index: number) => string,
): unknown {
  if (!isApiError(error) || !error.problem.errors) return error;
  const byField = new Map<string, string[]>();
  const unplaced: FieldProblem[] = [];
  for (const problem of error.problem.errors) {
    const message = humanize(problem.message);
    const field = availabilityFieldPath(problem.field, values);
    if (field) byField.set(field, [...(byField.get(field) ?? []), message]);
    // A label, not a path: useProblem finds no field for it and leaves it for the alert.
    else unplaced.push({ field: partName(problem.field, locationName), message });
  }
  const errors: FieldProblem[] = [
    ...[...byField].map(([field, messages]) => ({ field, message: messages.join(' ') })),
    ...unplaced,
  ];
  // The hub's detail names JSON paths ("2 fields are invalid; see errors"); say it plainly.
  const detail = byField.size ? t('avail.fixFields', { count: byField.size }) : t('avail.fixOther');
  return new ApiError(error.status, { ...error.problem, detail, errors }, error.retryAfterSeconds);
}
