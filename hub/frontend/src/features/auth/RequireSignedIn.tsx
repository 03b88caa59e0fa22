import { Navigate, Outlet, useLocation } from 'react-router';
import { withNext } from '../../lib/safeNext';
import { useSession } from './api';

export const ENROL_PATH = '/security/second-factor';

/**
 * Lets only fully signed-in accounts through: nobody → sign-in (then back here); a password
 * without its second factor yet → the code screen; an operator without a second factor → its
 * enrolment, before anything else.
 */
export function RequireSignedIn() {
  const session = useSession();
  const location = useLocation();
  const here = location.pathname + location.search;

  if (!session) return <Navigate to={withNext('/sign-in', here)} replace />;
  if (session.stage === 'SECOND_FACTOR') {
    return <Navigate to={withNext('/second-factor', here)} replace />;
  }
  if (session.stage === 'ENROL_SECOND_FACTOR' && location.pathname !== ENROL_PATH) {
    return <Navigate to={ENROL_PATH} replace />;
  }
  return <Outlet />;
}
