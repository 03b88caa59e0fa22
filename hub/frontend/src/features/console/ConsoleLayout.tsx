import { Link, NavLink, Outlet } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { t, type MessageKey } from '../../i18n';
import { useSession } from '../auth/api';
import { needsAttention, useDeliveryOverview } from './delivery/api';
import { useApplications } from './insurers/api';
import { useReviewQueue } from './review/api';

interface Item {
  to: string;
  label: MessageKey;
  count: number | undefined;
  countLabel: MessageKey;
  urgent?: boolean;
}

/** The console's own navigation, with what is waiting in each part. */
function ConsoleNav() {
  const queue = useReviewQueue();
  const applications = useApplications();
  const delivery = useDeliveryOverview();
  const items: Item[] = [
    {
      to: '/console/review',
      label: 'console.nav.review',
      count: queue.data?.length,
      countLabel: 'console.nav.waiting',
    },
    {
      to: '/console/insurers',
      label: 'console.nav.insurers',
      count: applications.data?.length,
      countLabel: 'console.nav.waiting',
    },
    {
      to: '/console/delivery',
      label: 'console.nav.delivery',
      count: delivery.data?.filter(needsAttention).length,
      countLabel: 'console.nav.attention',
      urgent: true,
    },
  ];
  return (
    <nav aria-label={t('console.nav.label')} className="subnav">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to}>
              {t(item.label)}
              {item.count ? (
                <>
                  <span
                    className={`count${item.urgent ? ' count--urgent' : ''}`}
                    aria-hidden="true"
                  >
                    {item.count}
                  </span>{' '}
                  <span className="visually-hidden">
                    {t(item.countLabel, { count: item.count })}
                  </span>
                </>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The operator console: the review queue, insurer applications and delivery health. */
export function ConsoleLayout() {
  const session = useSession();
  if (!session) return null;
  if (session.role !== 'OPERATOR') {
    return (
      <div className="narrow">
        <PageHeading>{t('console.title')}</PageHeading>
        <p>{t('console.operatorsOnly')}</p>
        <p>
          <Link to="/">{t('common.goHome')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="console">
      <ConsoleNav />
      <Outlet />
    </div>
  );
}
