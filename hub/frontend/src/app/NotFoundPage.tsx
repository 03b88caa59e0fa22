import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { t } from '../i18n';

export function NotFoundPage() {
  return (
    <div className="narrow">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/" className="button button--primary">
          {t('common.goHome')}
        </Link>
      </p>
    </div>
  );
}
