import { safeNext, withNext } from '../../lib/safeNext';
import type { Session } from './api';
import { ENROL_PATH } from './RequireSignedIn';

/** Where a session goes after a sign-in step: the next step, or the page it came for. */
export function pathAfterSignIn(session: Session, next: string | null): string {
  switch (session.stage) {
    case 'SECOND_FACTOR':
      return withNext('/second-factor', safeNext(next));
    case 'ENROL_SECOND_FACTOR':
      return ENROL_PATH;
    default:
      return safeNext(next);
  }
}
