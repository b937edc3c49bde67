import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Field } from '../../components/Field.tsx';
import { FeedLinks } from '../../components/FeedLinks.tsx';
import { ProblemCard } from '../../components/ProblemCard.tsx';
import { Pager } from '../../components/Pager.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { Empty, ErrorNotice, Loading } from '../../components/Status.tsx';
import { usePortalI18n } from '../../i18n.ts';
import { useRequest } from '../../../lib/useRequest.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { listPublishedProblems } from '../../services/public.ts';

export const PAGE_SIZE = 10;

/** 整改公开: the published problems, searched by words and place, paged; the filter lives in the address. */
export default function DisclosuresPage() {
  const { t } = usePortalI18n();
  usePageTitle(t('disclosures.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const region = params.get('region') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [words, setWords] = useState(q);
  const [place, setPlace] = useState(region);
  const list = useRequest(
    () => listPublishedProblems({ q: q || undefined, region: region || undefined, page, pageSize: PAGE_SIZE }),
    [q, region, page],
  );

  const go = (next: { q: string; region: string; page: number }) => {
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.region) search.set('region', next.region);
    if (next.page > 1) search.set('page', String(next.page));
    setParams(search);
  };

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    go({ q: words.trim(), region: place, page: 1 });
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('disclosures.title')}</h1>
      <p className="lead">{t('disclosures.intro')}</p>
      <form className="card filter" role="search" onSubmit={onSearch}>
        <Field id="disclosures-q" label={t('disclosures.search')}>
          {(p) => (
            <input {...p} type="search" maxLength={100} value={words} onChange={(e) => setWords(e.target.value)} />
          )}
        </Field>
        <fieldset className="field">
          <legend>
            {t('disclosures.region')}
            <span className="optional"> {t('form.optional')}</span>
          </legend>
          <RegionSelect idPrefix="disclosures-region" onChange={(code) => setPlace(code)} />
        </fieldset>
        <button type="submit" className="btn btn-primary btn-block">
          {t('disclosures.searchButton')}
        </button>
      </form>
      {list.loading && !list.data && <Loading />}
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.data && (
        <section aria-labelledby="results-heading" aria-busy={list.loading}>
          <h2 id="results-heading" className="visually-hidden">
            {t('disclosures.results')}
          </h2>
          <p className="muted" role="status" data-testid="disclosures-total">
            {t('disclosures.total', { total: list.data.total })}
          </p>
          {list.data.items.length === 0 ? (
            <Empty>{t('disclosures.empty')}</Empty>
          ) : (
            <ul className="cards" data-testid="disclosures-list">
              {list.data.items.map((p) => (
                <li key={p.id}>
                  <ProblemCard problem={p} />
                </li>
              ))}
            </ul>
          )}
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={(n) => go({ q, region, page: n })} />
        </section>
      )}
      {region && <FeedLinks regionCode={region} />}
    </>
  );
}
