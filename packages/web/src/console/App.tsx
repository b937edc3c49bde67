import { lazy, Suspense } from 'react';
import { App as AntdApp, Button, Result } from 'antd';
import { BrowserRouter } from 'react-router';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { errorMessage } from './components/errors.ts';
import { I18nProvider, useI18n } from './i18n.tsx';
import { PageFallbackLite } from './PageFallbackLite.tsx';
import { SessionProvider, useSession } from './session.tsx';

const LoginPage = lazy(() => import('./pages/login/index.tsx'));
const BasicLayout = lazy(() => import('./layout/BasicLayout.tsx'));

/** Signed in → the layout with the page the URL names; otherwise sign-in at the same URL (deep links survive). */
function Shell() {
  const { t } = useI18n();
  const session = useSession();
  if (session.status === 'loading' && !session.me) return <PageFallbackLite />;
  if (session.status === 'error') {
    return (
      <Result
        status="error"
        title={t('error.title')}
        subTitle={errorMessage(session.error, t)}
        extra={<Button onClick={session.reload}>{t('action.retry')}</Button>}
      />
    );
  }
  return <Suspense fallback={<PageFallbackLite />}>{session.me ? <BasicLayout /> : <LoginPage />}</Suspense>;
}

export function ConsoleApp() {
  return (
    <I18nProvider>
      <AntdApp>
        <ErrorBoundary fallback={(error) => <Result status="error" title={error.message} />}>
          <SessionProvider>
            <BrowserRouter basename="/console">
              <Shell />
            </BrowserRouter>
          </SessionProvider>
        </ErrorBoundary>
      </AntdApp>
    </I18nProvider>
  );
}
