/** The error message at a dotted path of react-hook-form's errors, if any. */
export function errorAt(errors: unknown, path: string): string | undefined {
  let found: unknown = errors;
  for (const key of path.split('.')) {
    if (found === null || typeof found !== 'object') return undefined;
    found = (found as Record<string, unknown>)[key];
  }
  const message = (found as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}
