import type { ReactNode, Ref } from 'react';
import { isApiError, type FieldProblem } from '../api/problem';
import { t, type MessageKey } from '../i18n';

const fallbackByStatus: Partial<Record<number, MessageKey>> = {
  400: 'error.400',
  401: 'error.401',
  403: 'error.403',
  404: 'error.404',
  409: 'error.409',
  410: 'error.410',
};

/** The sentence to show for an error: the problem's detail, else its title, else one of ours. */
export function problemMessage(error: unknown, fallback?: MessageKey): string {
  if (!isApiError(error)) return t('error.network');
  const { detail, title } = error.problem;
  if (detail) return detail;
  if (fallback) return t(fallback);
  if (title) return title;
  const byStatus = fallbackByStatus[error.status];
  if (byStatus) return t(byStatus);
  return t(error.status >= 500 ? 'error.500' : 'error.generic');
}

interface ProblemAlertProps {
  error: unknown;
  ref?: Ref<HTMLDivElement>;
  /** Field errors that could not be shown beside a field. */
  otherFields?: FieldProblem[];
  /** Seconds left of a 429's wait, for the countdown. */
  secondsLeft?: number;
  /** Used when the problem has no detail. */
  fallback?: MessageKey;
  /** More to say or do, e.g. a button to send a link again. */
  children?: ReactNode;
}

/**
 * The alert of a form or screen, present only while there is a problem (an element appearing
 * with role="alert" is announced). It takes focus when the problem has no field of its own.
 */
export function ProblemAlert({
  error,
  ref,
  otherFields = [],
  secondsLeft = 0,
  fallback,
  children,
}: ProblemAlertProps) {
  if (!error) return null;
  const tooMany = isApiError(error) && error.status === 429;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="alert">
      {tooMany ? (
        secondsLeft > 0 ? (
          <p>
            {t('error.tooManyAttempts', { count: secondsLeft })
              .split(String(secondsLeft))
              .flatMap((part, index) =>
                index === 0
                  ? [part]
                  : [
                      // Only the first message is announced, not every tick.
                      <span key={index} aria-live="off">
                        {secondsLeft}
                      </span>,
                      part,
                    ],
              )}
          </p>
        ) : (
          <p>{t('error.canTryAgain')}</p>
        )
      ) : (
        <>
          <p>{problemMessage(error, fallback)}</p>
          {otherFields.length ? (
            <>
              <p>{t('error.otherFields')}</p>
              <ul>
                {otherFields.map((field) => (
                  <li key={`${field.field}:${field.message}`}>{field.message}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      {children}
    </div>
  );
}
