import type { ArticleRow, CategoryRow } from './articles.repository.ts';
import { articlePath } from './articles.presenters.ts';
import { escapeXml } from './html.ts';
import { htmlToText } from './sanitize.ts';

/* RSS 2.0, Atom 1.0 and sitemap.xml, built as text with every value escaped. */

export interface FeedInfo {
  siteName: string;
  baseUrl: string;
  category?: CategoryRow;
  rows: ArticleRow[];
}

function feedTitle(f: FeedInfo): string {
  return f.category ? `${f.category.name} - ${f.siteName}` : f.siteName;
}

function feedPath(f: FeedInfo, kind: 'rss' | 'atom'): string {
  return `${f.category ? `/chuyen-muc/${f.category.slug}` : ''}/${kind}.xml`;
}

function description(row: ArticleRow): string {
  const text = row.summary || htmlToText(row.body_html);
  return text.length > 400 ? `${text.slice(0, text.lastIndexOf(' ', 400))} …` : text;
}

export function rss(f: FeedInfo): string {
  const home = f.baseUrl + (f.category ? `/chuyen-muc/${f.category.slug}` : '/');
  const items = f.rows
    .map((r) => {
      const url = f.baseUrl + articlePath(r.slug);
      return `<item>
<title>${escapeXml(r.title)}</title>
<link>${escapeXml(url)}</link>
<guid isPermaLink="true">${escapeXml(url)}</guid>
<pubDate>${new Date(r.publish_at ?? r.created_at).toUTCString()}</pubDate>
${r.byline ? `<dc:creator>${escapeXml(r.byline)}</dc:creator>` : ''}
<description>${escapeXml(description(r))}</description>
</item>`;
    })
    .join('\n');
  const updated = f.rows[0]?.publish_at ?? new Date(0).toISOString();
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${escapeXml(feedTitle(f))}</title>
<link>${escapeXml(home)}</link>
<description>${escapeXml(feedTitle(f))}</description>
<language>vi</language>
<lastBuildDate>${new Date(updated).toUTCString()}</lastBuildDate>
<atom:link href="${escapeXml(f.baseUrl + feedPath(f, 'rss'))}" rel="self" type="application/rss+xml"/>
${items}
</channel>
</rss>
`;
}

export function atom(f: FeedInfo): string {
  const home = f.baseUrl + (f.category ? `/chuyen-muc/${f.category.slug}` : '/');
  const updated = f.rows.reduce(
    (max, r) => (r.updated_at > max ? r.updated_at : max),
    '1970-01-01T00:00:00.000Z',
  );
  const entries = f.rows
    .map((r) => {
      const url = f.baseUrl + articlePath(r.slug);
      return `<entry>
<title>${escapeXml(r.title)}</title>
<link href="${escapeXml(url)}"/>
<id>${escapeXml(url)}</id>
<published>${r.publish_at ?? r.created_at}</published>
<updated>${r.updated_at}</updated>
<author><name>${escapeXml(r.byline || f.siteName)}</name></author>
<summary>${escapeXml(description(r))}</summary>
</entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<title>${escapeXml(feedTitle(f))}</title>
<link href="${escapeXml(home)}"/>
<link rel="self" href="${escapeXml(f.baseUrl + feedPath(f, 'atom'))}"/>
<id>${escapeXml(f.baseUrl + feedPath(f, 'atom'))}</id>
<updated>${updated}</updated>
${entries}
</feed>
`;
}

/** An article's own last change: its last edit, or its going up if that came later. */
function lastChange(a: { updated_at: string; publish_at: string | null }): string {
  return a.publish_at !== null && a.publish_at > a.updated_at ? a.publish_at : a.updated_at;
}

export function sitemap(
  baseUrl: string,
  articles: Array<{ slug: string; updated_at: string; publish_at: string | null }>,
  categories: CategoryRow[],
): string {
  const urls = [
    `<url><loc>${escapeXml(baseUrl)}/</loc><changefreq>hourly</changefreq></url>`,
    ...categories.map(
      (c) =>
        `<url><loc>${escapeXml(`${baseUrl}/chuyen-muc/${c.slug}`)}</loc><changefreq>daily</changefreq></url>`,
    ),
    ...articles.map(
      (a) =>
        `<url><loc>${escapeXml(baseUrl + articlePath(a.slug))}</loc><lastmod>${lastChange(a)}</lastmod></url>`,
    ),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

export function robots(baseUrl: string): string {
  return `User-agent: *
Allow: /
Disallow: /app/
Disallow: /api/
Disallow: /tim-kiem

Sitemap: ${baseUrl}/sitemap.xml
`;
}
