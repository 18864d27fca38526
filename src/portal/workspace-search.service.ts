import { nowOf } from '../clock.ts';
import { rankedMatches, type RankedMatches } from '../db/full-text.ts';
import type { Db } from '../db/schema.ts';
import { htmlToText } from '../text/rich-text.ts';
import type { Ctx } from '../units/roles.ts';
import { rowsByIds } from './articles.repository.ts';
import { canEditPortal } from './portal.policy.ts';
import { ARTICLE_INDEX, articleFilter } from './search.repository.ts';

/*
 * The portal's part of the workspace search: its articles, from their own index, as the
 * caller may open them — an editor every article (in the editor), anyone else the published
 * ones (on the public site).
 */

/** The articles matching the terms that the caller may open, best first. */
export function articleMatches(
  db: Db,
  ctx: Ctx,
  terms: readonly string[],
  budgetMs?: number,
): Promise<RankedMatches> {
  const filter = canEditPortal(ctx.actor)
    ? {}
    : { states: ['published'], publishedBefore: nowOf(ctx) };
  return rankedMatches(db, ARTICLE_INDEX, terms, articleFilter(filter), budgetMs);
}

export interface ArticleHit {
  id: number;
  title: string;
  /** The summary and the body's text. */
  text: string;
  state: string;
  at: string | null;
  /** Where the caller opens it. */
  href: string;
}

/** What the results show of these articles. */
export async function articleHits(db: Db, ctx: Ctx, ids: readonly number[]): Promise<ArticleHit[]> {
  const editor = canEditPortal(ctx.actor);
  return (await rowsByIds(db, ids)).map((r) => ({
    id: r.id,
    title: r.title,
    text: [r.summary, htmlToText(r.body_html)].filter((t) => t !== '').join('\n'),
    state: r.state,
    at: r.publish_at ?? r.updated_at,
    href: editor ? `/app/portal/articles/${r.id}` : `/bai-viet/${r.slug}`,
  }));
}
