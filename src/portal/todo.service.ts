import { Type, type Static } from 'typebox';
import type { Db } from '../db/schema.ts';
import { Nullable } from '../http/schema-helpers.ts';
import type { Ctx } from '../units/roles.ts';
import { queryArticles } from './articles.repository.ts';
import { canEditPortal } from './portal.policy.ts';

/*
 * What the portal asks of an editor, for the home page: the drafts last worked on and the
 * articles waiting for their publication time (the soonest first). Null for anyone else.
 */

const SHOWN = 5;

const ArticleItem = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  publishAt: Nullable(Type.String()),
  updatedAt: Type.String(),
});
const ArticleList = Type.Object({ total: Type.Integer(), items: Type.Array(ArticleItem) });

export const PortalTodo = Nullable(
  Type.Object({
    drafts: ArticleList,
    scheduled: ArticleList,
  }),
);
export type PortalTodo = Static<typeof PortalTodo>;

/** The count of all, and the first SHOWN in the database's own order (exact however many). */
async function list(db: Db, state: 'draft' | 'scheduled') {
  const page = await queryArticles(db, {
    states: [state],
    order: state === 'scheduled' ? 'soonest' : 'updated',
    limit: SHOWN,
    offset: 0,
    withTotal: true,
  });
  return {
    total: page.total,
    items: page.rows.map((r) => ({
      id: r.id,
      title: r.title,
      publishAt: r.publish_at,
      updatedAt: r.updated_at,
    })),
  };
}

export async function portalTodo(db: Db, ctx: Ctx): Promise<PortalTodo> {
  if (!canEditPortal(ctx.actor)) return null;
  return { drafts: await list(db, 'draft'), scheduled: await list(db, 'scheduled') };
}
