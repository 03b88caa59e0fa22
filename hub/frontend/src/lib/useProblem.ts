import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { isApiError, toFormPath, type FieldProblem } from '../api/problem';
import { useCountdown } from './useCountdown';

/**
 * Shows a server error on a form the way the hub describes it: each field error beside its
 * field (and focus on the first), the rest in the form's alert (which takes focus), and for a 429
 * a countdown until the form may be sent again.
 */
export function useProblem<T extends FieldValues>(form?: UseFormReturn<T>) {
  const [error, setError] = useState<unknown>(null);
  const [otherFields, setOtherFields] = useState<FieldProblem[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);
  const alertRef = useRef<HTMLDivElement>(null);
  const countdown = useCountdown();

  useEffect(() => {
    if (focusRequest) alertRef.current?.focus();
  }, [focusRequest]);

  const report = useCallback(
    (reported: unknown) => {
      setError(reported);
      const unplaced: FieldProblem[] = [];
      let focused = false;
      if (isApiError(reported)) {
        if (reported.status === 429) countdown.start(reported.retryAfterSeconds ?? 30);
        for (const fieldProblem of reported.problem.errors ?? []) {
          const name = toFormPath(fieldProblem.field) as Path<T>;
          if (form && form.getValues(name) !== undefined) {
            form.setError(
              name,
              { type: 'server', message: fieldProblem.message },
              { shouldFocus: !focused },
            );
            focused = true;
          } else {
            unplaced.push(fieldProblem);
          }
        }
      }
      setOtherFields(unplaced);
      if (!focused) setFocusRequest((n) => n + 1);
    },
    [form, countdown.start],
  );

  const clear = useCallback(() => {
    setError(null);
    setOtherFields([]);
  }, []);

  return {
    error,
    otherFields,
    report,
    clear,
    alertRef,
    secondsLeft: countdown.secondsLeft,
    /** True while a 429 says to wait. */
    blocked: countdown.secondsLeft > 0,
  };
}

export type ProblemState = ReturnType<typeof useProblem>;
