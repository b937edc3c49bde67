import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n.tsx';

/** 403 / 404 / crashed page, with the way back home. */
export function Exception({
  kind,
  detail,
  onRetry,
}: {
  kind: '403' | '404' | 'error';
  detail?: string;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  const title = kind === '403' ? t('error.forbidden') : kind === '404' ? t('error.notFound') : t('error.pageCrashed');
  return (
    <Result
      status={kind === 'error' ? 'error' : kind}
      title={title}
      subTitle={detail}
      extra={[
        onRetry ? (
          <Button key="retry" onClick={onRetry}>
            {t('action.retry')}
          </Button>
        ) : null,
        <Link key="home" to="/">
          <Button type="primary">{t('action.back')}</Button>
        </Link>,
      ]}
    />
  );
}
