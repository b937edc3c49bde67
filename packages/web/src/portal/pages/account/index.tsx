import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api.ts';
import { Field } from '../../components/Field.tsx';
import { Empty, ErrorNotice, Loading } from '../../components/Status.tsx';
import { usePortalI18n } from '../../i18n.ts';
import { useRequest } from '../../../lib/useRequest.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { currentAccount, myClues, requestSignInCode, signIn, signOut } from '../../services/bulletins.ts';

/**
 * 登录 and 我的反映: an optional light account. Step 1 sends a 6-digit code to a phone or e-mail, step 2 signs in with
 * it; signed in, the page lists the reports submitted while signed in, each linking to its tracking page.
 */
export default function AccountPage() {
  const { t } = usePortalI18n();
  usePageTitle(t('account.title'));
  const me = useRequest(
    () => currentAccount().catch((e) => (e instanceof ApiError && e.status === 401 ? null : Promise.reject(e))),
    [],
  );
  if (me.loading && me.data === undefined) return <Loading />;
  if (me.error !== null) return <ErrorNotice error={me.error} onRetry={me.reload} />;
  return me.data ? <MyReports contact={me.data.contact} onSignedOut={me.reload} /> : <SignIn onSignedIn={me.reload} />;
}

function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = usePortalI18n();
  const [contact, setContact] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<1 | 2>(1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (e: FormEvent, action: () => Promise<unknown>, next: () => void) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
      next();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1 tabIndex={-1}>{t('account.title')}</h1>
      <p className="lead">{t('account.intro')}</p>
      {step === 1 ? (
        <form
          className="card"
          onSubmit={(e) =>
            run(
              e,
              () => requestSignInCode(contact.trim()),
              () => setStep(2),
            )
          }
        >
          <Field id="account-contact" label={t('account.contact')} hint={t('account.contactHint')} required>
            {(p) => (
              <input
                {...p}
                inputMode="email"
                autoComplete="tel email"
                maxLength={254}
                value={contact}
                onChange={(e) => setContact(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy || contact.trim().length < 5}>
            {busy ? t('common.sending') : t('account.sendCode')}
          </button>
        </form>
      ) : (
        <form className="card" onSubmit={(e) => run(e, () => signIn(contact.trim(), code.trim()), onSignedIn)}>
          <p role="status">{t('account.codeSent', { contact: contact.trim() })}</p>
          <Field id="account-code" label={t('account.code')} hint={t('account.codeHint')} required>
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="\d{6}"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy || !/^\d{6}$/.test(code.trim())}>
            {busy ? t('common.sending') : t('account.signIn')}
          </button>
          <button type="button" className="btn btn-block" onClick={() => setStep(1)}>
            {t('account.otherContact')}
          </button>
        </form>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function MyReports({ contact, onSignedOut }: { contact: string; onSignedOut: () => void }) {
  const { t, locale } = usePortalI18n();
  const list = useRequest(myClues, []);
  return (
    <>
      <h1 tabIndex={-1}>{t('account.mine')}</h1>
      <p className="lead">{t('account.signedInAs', { contact })}</p>
      {list.loading && !list.data && <Loading />}
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.data &&
        (list.data.length === 0 ? (
          <Empty>{t('account.none')}</Empty>
        ) : (
          <ul className="cards" data-testid="my-clues">
            {list.data.map((c) => (
              <li key={c.trackingCode} className="card">
                <h2>
                  <Link to={`/track/${c.trackingCode}`}>{c.title}</Link>
                </h2>
                <p className="muted">
                  {c.trackingCode} · {c.stateLabel} · {new Date(c.receivedAt).toLocaleDateString(locale)}
                </p>
              </li>
            ))}
          </ul>
        ))}
      <button type="button" className="btn btn-block" onClick={() => void signOut().then(onSignedOut)}>
        {t('account.signOut')}
      </button>
    </>
  );
}
