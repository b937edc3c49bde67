/**
 * Atom (RFC 4287) and RSS 2.0 feeds of published problems and bulletins; every text is already masked by the
 * presenter.
 */
export interface FeedItem {
  id: string;
  /** Path of the item's page (a published problem's unless given). */
  path?: string;
  title: string;
  description: string;
  stateLabel: string;
  regionCode: string;
  publishedAt: string;
  updatedAt: string;
}

export const xmlEscape = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

export function atomFeed(base: string, region: string, items: readonly FeedItem[]): string {
  const updated = items[0]?.updatedAt ?? new Date(0).toISOString();
  const entries = items
    .map(
      (p) => `  <entry>
    <id>urn:uuid:${p.id}</id>
    <title>${xmlEscape(p.title)}</title>
    <link href="${xmlEscape(`${base}${p.path ?? `/api/public/problems/${p.id}`}`)}"/>
    <published>${p.publishedAt}</published>
    <updated>${p.updatedAt}</updated>
    <category term="${xmlEscape(p.stateLabel)}"/>
    <summary>${xmlEscape(`【${p.stateLabel}】${p.description}`)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xmlEscape(`${base}/api/public/feed/${region}.atom`)}</id>
  <title>${xmlEscape(`公开问题清单（${region}）`)}</title>
  <link rel="self" href="${xmlEscape(`${base}/api/public/feed/${region}.atom`)}"/>
  <updated>${updated}</updated>
  <author><name>Rectify 政协评议整改平台</name></author>
${entries}
</feed>
`;
}

export function rssFeed(base: string, region: string, items: readonly FeedItem[]): string {
  const rfc822 = (iso: string) => new Date(iso).toUTCString();
  const entries = items
    .map(
      (p) => `    <item>
      <guid isPermaLink="false">${p.id}</guid>
      <title>${xmlEscape(p.title)}</title>
      <link>${xmlEscape(`${base}${p.path ?? `/api/public/problems/${p.id}`}`)}</link>
      <category>${xmlEscape(p.stateLabel)}</category>
      <pubDate>${rfc822(p.publishedAt)}</pubDate>
      <description>${xmlEscape(`【${p.stateLabel}】${p.description}`)}</description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>${xmlEscape(`公开问题清单（${region}）`)}</title>
    <link>${xmlEscape(`${base}/api/public/problems?region=${region}`)}</link>
    <description>政协评议整改平台公开的问题、整改措施、进展和结果，以及公告通报</description>
    <language>zh-CN</language>
${entries}
  </channel>
</rss>
`;
}
