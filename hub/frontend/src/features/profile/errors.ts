import { ApiError, isApiError, toFormPath, type FieldProblem } from '../../api/problem';

/**
 * Where the form shows an error the hub reported for a profile path. The form has one field for
 * all given names and one for all address lines, and shows a list entry's own errors (a
 * duplicate, a missing part) beside the entry's main field.
 */
export function profileFieldPath(field: string): string {
  const path = toFormPath(field);
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^name$/, () => 'name.family'],
    [/^name\.given(\.\d+)?$/, () => 'name.given'],
    [/^specialties\.(\d+)(\..*)?$/, (m) => `specialties.${m[1]}`],
    [/^languages\.(\d+)$/, (m) => `languages.${m[1]}`],
    [/^identifiers\.(\d+)$/, (m) => `identifiers.${m[1]}.value`],
    [/^qualifications\.(\d+)$/, (m) => `qualifications.${m[1]}.degree.display`],
    [/^qualifications\.(\d+)\.degree$/, (m) => `qualifications.${m[1]}.degree.display`],
    [/^qualifications\.(\d+)\.degree\.system$/, (m) => `qualifications.${m[1]}.degree.code`],
    [/^telecom\.(\d+)$/, (m) => `telecom.${m[1]}.value`],
    [/^locations\.(\d+)(\.id)?$/, (m) => `locations.${m[1]}.name`],
    [/^locations\.(\d+)\.address$/, (m) => `locations.${m[1]}.address.city`],
    [/^locations\.(\d+)\.address\.lines(\.\d+)?$/, (m) => `locations.${m[1]}.address.lines`],
    [/^locations\.(\d+)\.geo$/, (m) => `locations.${m[1]}.geo.latitude`],
  ];
  for (const [pattern, target] of rules) {
    const match = pattern.exec(path);
    if (match) return target(match);
  }
  return path;
}

/** The hub's terse messages ("required") as sentences ("Required."). */
function sentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const capital = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * The hub's problem with its field paths moved to the form's fields (`useProblem` then shows each
 * beside its field), and several errors for one field joined.
 */
export function forProfileForm(error: unknown): unknown {
  if (!isApiError(error) || !error.problem.errors) return error;
  const byField = new Map<string, string[]>();
  for (const problem of error.problem.errors) {
    const field = profileFieldPath(problem.field);
    byField.set(field, [...(byField.get(field) ?? []), sentence(problem.message)]);
  }
  const errors: FieldProblem[] = [...byField].map(([field, messages]) => ({
    // useProblem turns form paths back into form paths unchanged.
    field,
    message: messages.join(' '),
  }));
  return new ApiError(error.status, { ...error.problem, errors }, error.retryAfterSeconds);
}
