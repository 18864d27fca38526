import { Type, type Static } from 'typebox';
import { Nullable } from '../http/schema-helpers.ts';
import { ArticleStateSchema } from './articles.schema.ts';

export const MeetingIdParams = Type.Object({
  meetingId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});

/** A meeting's article as the meeting page shows it. */
export const MeetingArticle = Type.Object({
  article: Nullable(
    Type.Object({
      id: Type.Integer(),
      title: Type.String(),
      state: ArticleStateSchema,
      /** The public page, once it is published and its time has come; else null. */
      publicUrl: Nullable(Type.String()),
      /** True for an editor: the workspace's editor opens it. */
      editable: Type.Boolean(),
    }),
  ),
  /** True when the caller may draft it now (concluded, none yet, editor or convening side). */
  canDraft: Type.Boolean(),
});
export type MeetingArticle = Static<typeof MeetingArticle>;

/** The concluded meetings an editor may write about, newest first. */
export const ArticleMeetingList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      title: Type.String(),
      startsAt: Type.String(),
      place: Type.String(),
      unitName: Type.String(),
      /** The article already drafted from it, if any. */
      articleId: Nullable(Type.Integer()),
    }),
  ),
});
export type ArticleMeetingList = Static<typeof ArticleMeetingList>;
