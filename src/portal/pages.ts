import { formatDate, formatDateTime, formatNumber } from '../text/index.ts';
import type { ArticleRow, CategoryRow } from './articles.repository.ts';
import { articlePath, imagePath } from './articles.presenters.ts';
import { highlight, snippet } from './highlight.ts';
import { escapeHtml } from './html.ts';
import type { Listed } from './public.service.ts';
import { htmlToText } from './sanitize.ts';

/*
 * The public pages: plain server-rendered HTML that reads without JavaScript. Every value is
 * escaped; an article's sanitized body is the only HTML printed as it is.
 */

export const VIEW_COUNT_GAP = '\u0000VIEWS\u0000';

const STYLE = `
*{box-sizing:border-box}
body{font-family:"Times New Roman",Tinos,"Noto Serif",serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.6;font-size:1.125rem}
a{color:#0b4f9c}
a:focus,button:focus,input:focus,select:focus{outline:3px solid #f5a623;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}
header.site{background:#a50e0e;color:#fff}
header.site .bar{max-width:64rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;justify-content:space-between}
header.site .brand{color:#fff;text-decoration:none;font-size:1.5rem;font-weight:bold}
header.site form{display:flex;gap:.25rem}
header.site input{font:inherit;font-size:1rem;padding:.3rem .5rem;border:1px solid #fff;border-radius:3px;min-width:12rem}
button,.button{font:inherit;font-size:1rem;padding:.3rem .8rem;border:1px solid #7a0a0a;background:#fff;color:#7a0a0a;border-radius:3px;cursor:pointer;text-decoration:none;display:inline-block}
nav.cats{background:#f4e9e9;border-bottom:1px solid #e0caca}
nav.cats ul{max-width:64rem;margin:0 auto;padding:.25rem 1rem;list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
nav.cats a{color:#5c0606;text-decoration:none;font-weight:bold}
nav.cats a[aria-current]{text-decoration:underline}
main{max-width:64rem;margin:0 auto;padding:1rem}
h1{font-size:1.9rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.35rem;border-bottom:2px solid #a50e0e;padding-bottom:.2rem}
.meta{color:#4a4a4a;font-size:1rem;display:flex;flex-wrap:wrap;gap:.25rem 1.5rem}
.summary{font-weight:bold}
.body p{text-align:justify}
.body img,figure img{max-width:100%;height:auto}
.byline{text-align:right;font-weight:bold}
.tools{display:flex;gap:1rem;margin:1rem 0}
ul.list{list-style:none;padding:0;margin:0}
ul.list li{padding:.6rem 0;border-bottom:1px solid #eee}
ul.list .title{font-weight:bold;font-size:1.15rem}
ul.list .when{color:#4a4a4a;font-size:.95rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem 2rem}
mark{background:#fff1a8;color:inherit}
nav.pages ul{list-style:none;display:flex;gap:.5rem;padding:0;flex-wrap:wrap}
nav.pages a,nav.pages span{display:inline-block;padding:.2rem .6rem;border:1px solid #ccc;border-radius:3px}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin:1rem 0}
form.filters label{display:flex;flex-direction:column;font-size:.95rem}
form.filters input,form.filters select{font:inherit;font-size:1rem;padding:.25rem}
footer.site{border-top:1px solid #ddd;margin-top:2rem;padding:1rem;color:#4a4a4a;font-size:.95rem;text-align:center}
@media (max-width:40rem){h1{font-size:1.5rem}header.site input{min-width:0;width:10rem}}
@media print{header.site,nav.cats,footer.site,.tools,aside,.skip{display:none!important}main{max-width:none;padding:0}body{font-size:13pt;color:#000}a{color:#000;text-decoration:none}.body p{text-align:justify}}
`;

export interface Meta {
  title: string;
  description?: string;
  canonical: string;
  image?: string | null;
  imageAlt?: string;
  type?: 'website' | 'article';
  publishedTime?: string | null;
  feeds?: Array<{ type: 'rss' | 'atom'; href: string; title: string }>;
  noindex?: boolean;
}

export interface Site {
  name: string;
  baseUrl: string;
  categories: CategoryRow[];
  currentCategory?: string;
  q?: string;
}

function metaTags(m: Meta, site: Site): string {
  const tags = [
    `<link rel="canonical" href="${escapeHtml(m.canonical)}">`,
    `<meta property="og:site_name" content="${escapeHtml(site.name)}">`,
    `<meta property="og:locale" content="vi_VN">`,
    `<meta property="og:type" content="${m.type ?? 'website'}">`,
    `<meta property="og:title" content="${escapeHtml(m.title)}">`,
    `<meta property="og:url" content="${escapeHtml(m.canonical)}">`,
    `<meta name="twitter:card" content="${m.image ? 'summary_large_image' : 'summary'}">`,
    `<meta name="twitter:title" content="${escapeHtml(m.title)}">`,
  ];
  if (m.description) {
    const d = escapeHtml(m.description.slice(0, 300));
    tags.push(
      `<meta name="description" content="${d}">`,
      `<meta property="og:description" content="${d}">`,
      `<meta name="twitter:description" content="${d}">`,
    );
  }
  if (m.image) {
    tags.push(
      `<meta property="og:image" content="${escapeHtml(m.image)}">`,
      `<meta name="twitter:image" content="${escapeHtml(m.image)}">`,
    );
    if (m.imageAlt) {
      tags.push(
        `<meta property="og:image:alt" content="${escapeHtml(m.imageAlt)}">`,
        `<meta name="twitter:image:alt" content="${escapeHtml(m.imageAlt)}">`,
      );
    }
  }
  if (m.publishedTime)
    tags.push(`<meta property="article:published_time" content="${m.publishedTime}">`);
  if (m.noindex) tags.push('<meta name="robots" content="noindex">');
  for (const f of m.feeds ?? []) {
    const type = f.type === 'rss' ? 'application/rss+xml' : 'application/atom+xml';
    tags.push(
      `<link rel="alternate" type="${type}" title="${escapeHtml(f.title)}" href="${escapeHtml(f.href)}">`,
    );
  }
  return tags.join('\n');
}

/** The shell of every public page. */
/**
 * The portal's only script, served as a file: the Content-Security-Policy allows no inline
 * scripts or handlers. Without JavaScript the print link opens the print version.
 */
export const PORTAL_SCRIPT = `document.addEventListener('click', function (event) {
  var link = event.target instanceof Element ? event.target.closest('a[data-print]') : null;
  if (!link) return;
  event.preventDefault();
  window.print();
});
`;

export function layout(meta: Meta, site: Site, body: string): string {
  const pageTitle = meta.title === site.name ? site.name : `${meta.title} - ${site.name}`;
  const cats = site.categories
    .map(
      (c) =>
        `<li><a href="/chuyen-muc/${escapeHtml(c.slug)}"${site.currentCategory === c.slug ? ' aria-current="page"' : ''}>${escapeHtml(c.name)}</a></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(pageTitle)}</title>
<link rel="icon" type="image/svg+xml" href="/favicon.svg">
${metaTags(meta, site)}
<style>${STYLE}</style>
<script src="/portal.js" defer></script>
</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="site"><div class="bar">
<a class="brand" href="/">${escapeHtml(site.name)}</a>
<form role="search" action="/tim-kiem" method="get">
<label for="site-q" class="skip">Tìm kiếm</label>
<input id="site-q" type="search" name="q" value="${escapeHtml(site.q ?? '')}" placeholder="Tìm bài viết…" maxlength="200">
<button type="submit">Tìm</button>
</form>
</div></header>
<nav class="cats" aria-label="Chuyên mục"><ul><li><a href="/"${site.currentCategory === '' ? ' aria-current="page"' : ''}>Trang chủ</a></li>${cats}</ul></nav>
<main id="noi-dung">
${body}
</main>
<footer class="site"><p>${escapeHtml(site.name)} · <a href="/rss.xml">RSS</a> · <a href="/atom.xml">Atom</a> · <a href="/app/">Trang làm việc</a></p></footer>
</body>
</html>`;
}

function listItem(item: Listed, terms: readonly string[] = [], withSnippet = true): string {
  const { row } = item;
  const text =
    terms.length > 0
      ? `${row.summary} ${htmlToText(row.body_html)}`
      : row.summary || htmlToText(row.body_html);
  const when = row.publish_at
    ? `<span class="when"><time datetime="${row.publish_at}">${formatDateTime(row.publish_at)}</time></span>`
    : '';
  return `<li><a class="title" href="${articlePath(row.slug)}">${highlight(row.title, terms)}</a><br>${when}${
    withSnippet ? `<p>${snippet(text, terms, 220)}</p>` : ''
  }</li>`;
}

export function homeBody(
  latest: Listed[],
  sections: Array<{ category: CategoryRow; items: Listed[] }>,
  siteName: string,
): string {
  const latestHtml = latest.length
    ? `<ul class="list">${latest.map((i) => listItem(i)).join('')}</ul>`
    : '<p>Chưa có bài viết nào được đăng.</p>';
  const sectionsHtml = sections
    .map(
      (s) =>
        `<section aria-labelledby="cm-${s.category.id}"><h2 id="cm-${s.category.id}"><a href="/chuyen-muc/${escapeHtml(s.category.slug)}">${escapeHtml(s.category.name)}</a></h2><ul class="list">${s.items
          .map((i) => listItem(i, [], false))
          .join('')}</ul></section>`,
    )
    .join('');
  return `<h1>${escapeHtml(siteName)}</h1>
<section aria-labelledby="moi-nhat"><h2 id="moi-nhat">Tin mới nhất</h2>${latestHtml}</section>
<div class="grid">${sectionsHtml}</div>`;
}

/** Links to other pages of a list; `href(n)` builds the link to page n. */
export function pagination(page: number, lastPage: number, href: (n: number) => string): string {
  if (lastPage <= 1) return '';
  const items: string[] = [];
  if (page > 1)
    items.push(`<li><a href="${escapeHtml(href(page - 1))}" rel="prev">« Trang trước</a></li>`);
  const from = Math.max(1, page - 3);
  const to = Math.min(lastPage, page + 3);
  for (let n = from; n <= to; n++) {
    items.push(
      n === page
        ? `<li><span aria-current="page">${n}</span></li>`
        : `<li><a href="${escapeHtml(href(n))}">${n}</a></li>`,
    );
  }
  if (page < lastPage)
    items.push(`<li><a href="${escapeHtml(href(page + 1))}" rel="next">Trang sau »</a></li>`);
  return `<nav class="pages" aria-label="Phân trang"><ul>${items.join('')}</ul></nav>`;
}

export function categoryBody(
  category: CategoryRow,
  items: Listed[],
  page: number,
  lastPage: number,
): string {
  const list = items.length
    ? `<ul class="list">${items.map((i) => listItem(i)).join('')}</ul>`
    : '<p>Chuyên mục chưa có bài viết.</p>';
  const base = `/chuyen-muc/${category.slug}`;
  return `<h1>${escapeHtml(category.name)}</h1>
${page > 1 ? `<p>Trang ${page}/${lastPage}</p>` : ''}
${list}
${pagination(page, lastPage, (n) => (n === 1 ? base : `${base}?trang=${n}`))}
<p><a href="${base}/rss.xml">RSS của chuyên mục</a> · <a href="${base}/atom.xml">Atom</a></p>`;
}

/** The article page, with VIEW_COUNT_GAP where the count goes (filled per request). */
export function articleBody(
  row: ArticleRow,
  categories: CategoryRow[],
  related: ArticleRow[],
  printVersion = false,
): string {
  const crumbs = [
    `<a href="/">Trang chủ</a>`,
    ...categories
      .slice(0, 1)
      .map((c) => `<a href="/chuyen-muc/${escapeHtml(c.slug)}">${escapeHtml(c.name)}</a>`),
  ];
  const cover =
    row.cover_image_id !== null
      ? `<figure><img src="${imagePath(row.cover_image_id)}" alt="${escapeHtml(row.cover_alt)}"></figure>`
      : '';
  const when = row.publish_at ?? row.created_at;
  const relatedHtml = related.length
    ? `<aside aria-labelledby="lien-quan"><h2 id="lien-quan">Tin liên quan</h2><ul class="list">${related
        .map(
          (r) =>
            `<li><a href="${articlePath(r.slug)}">${escapeHtml(r.title)}</a> <span class="when">(${r.publish_at ? formatDate(r.publish_at) : ''})</span></li>`,
        )
        .join('')}</ul></aside>`
    : '';
  const path = articlePath(row.slug);
  const tools = printVersion
    ? `<p class="tools"><a class="button" href="${path}">Quay lại bài viết</a></p>`
    : `<p class="tools"><a class="button" href="${path}/ban-in" data-print>In bài viết</a></p>`;
  return `<nav aria-label="Vị trí">${crumbs.join(' › ')}</nav>
<article>
<h1>${escapeHtml(row.title)}</h1>
<p class="meta"><time datetime="${when}">${formatDateTime(when)}</time><span>Số lượt xem: ${VIEW_COUNT_GAP}</span></p>
${cover}
${row.summary ? `<p class="summary">${escapeHtml(row.summary)}</p>` : ''}
<div class="body">
${row.body_html}
</div>
${row.byline ? `<p class="byline">${escapeHtml(row.byline)}</p>` : ''}
${tools}
</article>
${printVersion ? '' : relatedHtml}`;
}

export function searchBody(
  params: { q: string; categorySlug?: string; from?: string; to?: string },
  categories: CategoryRow[],
  result: {
    terms: string[];
    items: Listed[];
    total: number;
    more?: boolean;
    timedOut?: boolean;
  } | null,
  page: number,
  lastPage: number,
  href: (n: number) => string,
): string {
  const options = categories
    .map(
      (c) =>
        `<option value="${escapeHtml(c.slug)}"${c.slug === params.categorySlug ? ' selected' : ''}>${escapeHtml(c.name)}</option>`,
    )
    .join('');
  const form = `<form class="filters" action="/tim-kiem" method="get">
<label>Từ khóa<input type="search" name="q" value="${escapeHtml(params.q)}" maxlength="200"></label>
<label>Chuyên mục<select name="chuyen-muc"><option value="">Tất cả</option>${options}</select></label>
<label>Từ ngày<input type="date" name="tu" value="${escapeHtml(params.from ?? '')}"></label>
<label>Đến ngày<input type="date" name="den" value="${escapeHtml(params.to ?? '')}"></label>
<button type="submit">Tìm kiếm</button>
</form>`;
  let results = '<p>Nhập từ khóa, có dấu hoặc không dấu (ví dụ: "dong ky").</p>';
  if (result) {
    const found = result.more
      ? `Hơn ${formatNumber(result.total)} kết quả; thêm từ khóa để thu hẹp.`
      : `Tìm thấy ${formatNumber(result.total)} bài viết.`;
    results = result.timedOut
      ? '<p role="status">Tìm kiếm mất quá nhiều thời gian nên đã dừng. Hãy thêm từ khóa hoặc chọn chuyên mục, khoảng thời gian để thu hẹp.</p>'
      : result.total === 0
        ? '<p role="status">Không tìm thấy bài viết phù hợp.</p>'
        : `<p role="status">${found}</p><ul class="list">${result.items
            .map((i) => listItem(i, result.terms))
            .join('')}</ul>${pagination(page, lastPage, href)}`;
  }
  return `<h1>Tìm kiếm</h1>${form}${results}`;
}

export function messageBody(title: string, text: string): string {
  return `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="/">Về trang chủ</a> · <a href="/tim-kiem">Tìm kiếm</a></p>`;
}
