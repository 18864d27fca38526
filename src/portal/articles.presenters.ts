import type { ArticleRow, CategoryRow } from './articles.repository.ts';
import type { Article, ArticleSummary, Category } from './articles.schema.ts';
import { allowedActions, type ArticleState } from './articles.states.ts';
import { highlight, snippet } from './highlight.ts';
import { htmlToText } from './sanitize.ts';

/* Rows are not API objects: each portal row becomes what the API returns here. */

/** The public path of an article. */
export const articlePath = (slug: string) => `/bai-viet/${slug}`;
export const imagePath = (id: number) => `/anh/${id}`;

export function presentCategory(row: CategoryRow): Category {
  return { id: row.id, slug: row.slug, name: row.name, sortOrder: row.sort_order };
}

export function presentArticle(row: ArticleRow, categories: CategoryRow[] = []): Article {
  return {
    id: row.id,
    slug: row.slug,
    url: articlePath(row.slug),
    title: row.title,
    summary: row.summary,
    bodyHtml: row.body_html,
    byline: row.byline,
    coverImageId: row.cover_image_id,
    coverImageUrl: row.cover_image_id === null ? null : imagePath(row.cover_image_id),
    coverAlt: row.cover_alt,
    categories: categories.map(presentCategory),
    state: row.state as ArticleState,
    allowedActions: allowedActions(row.state as ArticleState),
    publishAt: row.publish_at,
    views: Number(row.views),
    imported: row.import_key !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A list entry; with search terms, the title and a body snippet carry <mark>ed matches. */
export function presentSummary(
  row: ArticleRow,
  categories: CategoryRow[],
  terms: readonly string[],
): ArticleSummary {
  const text = row.summary || htmlToText(row.body_html);
  const bodyText = terms.length > 0 ? `${row.summary} ${htmlToText(row.body_html)}` : text;
  return {
    id: row.id,
    slug: row.slug,
    url: articlePath(row.slug),
    title: row.title,
    titleHtml: highlight(row.title, terms),
    snippetHtml: snippet(bodyText, terms),
    byline: row.byline,
    categories: categories.map(presentCategory),
    state: row.state as ArticleState,
    publishAt: row.publish_at,
    views: Number(row.views),
    version: row.version,
    updatedAt: row.updated_at,
  };
}
