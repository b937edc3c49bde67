import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Field } from '../../components/Field.tsx';
import { Pager } from '../../components/Pager.tsx';
import { Empty, ErrorNotice, Loading } from '../../components/Status.tsx';
import { usePortalI18n } from '../../i18n.ts';
import { useRequest } from '../../../lib/useRequest.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { listBulletins } from '../../services/bulletins.ts';

const PAGE_SIZE = 10;
const KINDS = ['notice', 'progress', 'result'] as const;

/** 公告通报: the published bulletins, searched by words and kind, paged; the filter lives in the address. */
export default function BulletinsPage() {
  const { t, locale } = usePortalI18n();
  usePageTitle(t('bulletins.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = params.get('kind') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [words, setWords] = useState(q);
  const list = useRequest(
    () => listBulletins({ q: q || undefined, kind: kind || undefined, page, pageSize: PAGE_SIZE }),
    [q, kind, page],
  );
  const go = (next: { q: string; kind: string; page: number }) => {
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.kind) search.set('kind', next.kind);
    if (next.page > 1) search.set('page', String(next.page));
    setParams(search);
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    go({ q: words.trim(), kind, page: 1 });
  };
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale);

  return (
    <>
      <h1 tabIndex={-1}>{t('bulletins.title')}</h1>
      <p className="lead">{t('bulletins.intro')}</p>
      <form className="card filter" role="search" onSubmit={onSearch}>
        <Field id="bulletins-q" label={t('bulletins.search')}>
          {(p) => (
            <input {...p} type="search" maxLength={100} value={words} onChange={(e) => setWords(e.target.value)} />
          )}
        </Field>
        <Field id="bulletins-kind" label={t('bulletins.kind')}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => go({ q, kind: e.target.value, page: 1 })}>
              <option value="">{t('bulletins.allKinds')}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`bulletins.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="btn btn-primary btn-block">
          {t('bulletins.searchButton')}
        </button>
      </form>
      {list.loading && !list.data && <Loading />}
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.data && (
        <section aria-busy={list.loading}>
          <p className="muted" role="status" data-testid="bulletins-total">
            {t('bulletins.total', { total: list.data.total })}
          </p>
          {list.data.items.length === 0 ? (
            <Empty>{t('bulletins.empty')}</Empty>
          ) : (
            <ul className="cards" data-testid="bulletins-list">
              {list.data.items.map((b) => (
                <li key={b.id} className="card">
                  <h2>
                    <Link to={`/bulletins/${b.id}`}>{b.title}</Link>
                  </h2>
                  <p className="muted">
                    {t(`bulletins.kind.${b.kind}`)} · {date(b.publishedAt)}
                  </p>
                  <p>{b.body.length > 80 ? `${b.body.slice(0, 80)}…` : b.body}</p>
                </li>
              ))}
            </ul>
          )}
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={(n) => go({ q, kind, page: n })} />
        </section>
      )}
    </>
  );
}
