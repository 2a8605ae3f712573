import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="page" data-page="not-found">
      <h1>{t('notFound.title')}</h1>
      <Link className="button" to={paths.root}>
        {t('notFound.back')}
      </Link>
    </div>
  );
}
