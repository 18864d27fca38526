import { Type, type Static } from 'typebox';
import { Id, Nullable, PageOf, Version } from '../http/schema-helpers.ts';
import { ARTICLE_ACTIONS, ARTICLE_STATES } from './articles.states.ts';

export const ArticleStateSchema = Type.Enum(ARTICLE_STATES, {
  description: 'draft, scheduled, published, unpublished',
});
export const ArticleActionSchema = Type.Enum(ARTICLE_ACTIONS, {
  description: 'schedule, publish, unschedule, unpublish, to_draft',
});

const Slug = Type.String({ minLength: 1, maxLength: 120, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });

export const Category = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  sortOrder: Type.Integer(),
});
export type Category = Static<typeof Category>;

/** A category as its editors see it: with its version and how many articles it holds. */
export const CategoryEntry = Type.Object({
  ...Category.properties,
  version: Type.Integer(),
  articleCount: Type.Integer({ description: 'Articles filed under it, in any state' }),
});
export type CategoryEntry = Static<typeof CategoryEntry>;

export const CategoryList = Type.Object({ items: Type.Array(CategoryEntry) });

export const UpdateCategoryBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    sortOrder: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 10_000, description: 'New 0-based position' }),
    ),
  },
  { additionalProperties: false },
);
export type UpdateCategoryBody = Static<typeof UpdateCategoryBody>;

export const CreateCategoryBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    slug: Type.Optional(Slug),
  },
  { additionalProperties: false },
);
export type CreateCategoryBody = Static<typeof CreateCategoryBody>;

export const Article = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  url: Type.String({ description: 'The public path, e.g. /bai-viet/<slug>' }),
  title: Type.String(),
  summary: Type.String(),
  bodyHtml: Type.String({ description: 'Sanitized HTML' }),
  byline: Type.String(),
  coverImageId: Nullable(Type.Integer()),
  coverImageUrl: Nullable(Type.String()),
  coverAlt: Type.String(),
  categories: Type.Array(Category),
  state: ArticleStateSchema,
  allowedActions: Type.Array(ArticleActionSchema),
  publishAt: Nullable(Type.String({ format: 'date-time' })),
  views: Type.Integer({
    description: 'The stored count; GET of one article adds what this instance has not flushed yet',
  }),
  imported: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Article = Static<typeof Article>;

export const ArticleSummary = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  url: Type.String(),
  title: Type.String(),
  titleHtml: Type.String({ description: 'The title, escaped, with search matches in <mark>' }),
  snippetHtml: Type.String({ description: 'Escaped text with search matches in <mark>' }),
  byline: Type.String(),
  categories: Type.Array(Category),
  state: ArticleStateSchema,
  publishAt: Nullable(Type.String()),
  views: Type.Integer(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type ArticleSummary = Static<typeof ArticleSummary>;

export const ArticleList = PageOf(ArticleSummary);

export const ArticleListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 10_000 })),
    state: Type.Optional(ArticleStateSchema),
    categoryId: Type.Optional(Id),
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type ArticleListQuery = Static<typeof ArticleListQuery>;

const Fields = {
  title: Type.String({ minLength: 1, maxLength: 300 }),
  slug: Type.Optional(Slug),
  summary: Type.Optional(Type.String({ maxLength: 1000 })),
  bodyHtml: Type.String({ maxLength: 500_000 }),
  byline: Type.Optional(Type.String({ maxLength: 300 })),
  coverImageId: Type.Optional(Nullable(Id)),
  coverAlt: Type.Optional(Type.String({ maxLength: 300 })),
  categoryIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
};

export const CreateArticleBody = Type.Object(Fields, { additionalProperties: false });
export type CreateArticleBody = Static<typeof CreateArticleBody>;

export const UpdateArticleBody = Type.Object(
  {
    version: Version,
    title: Type.Optional(Fields.title),
    slug: Fields.slug,
    summary: Fields.summary,
    bodyHtml: Type.Optional(Fields.bodyHtml),
    byline: Fields.byline,
    coverImageId: Fields.coverImageId,
    coverAlt: Fields.coverAlt,
    categoryIds: Fields.categoryIds,
  },
  { additionalProperties: false },
);
export type UpdateArticleBody = Static<typeof UpdateArticleBody>;

export const TransitionBody = Type.Object(
  {
    version: Version,
    action: ArticleActionSchema,
    publishAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'Required for schedule' }),
    ),
  },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

export const Revision = Type.Object({
  id: Type.Integer(),
  version: Type.Integer(),
  title: Type.String(),
  byline: Type.String(),
  actorName: Nullable(Type.String()),
  createdAt: Type.String(),
  changes: Type.Array(
    Type.Object({
      value: Type.String(),
      added: Type.Boolean(),
      removed: Type.Boolean(),
    }),
    { description: 'Word diff of title, summary and body text against the previous revision' },
  ),
});
export type Revision = Static<typeof Revision>;

export const RevisionList = Type.Object({ items: Type.Array(Revision) });

export const UploadImageBody = Type.Object(
  {
    dataBase64: Type.String({ minLength: 4, maxLength: 1_000_000 }),
  },
  { additionalProperties: false },
);
export type UploadImageBody = Static<typeof UploadImageBody>;

export const UploadedImage = Type.Object({ id: Type.Integer(), url: Type.String() });
