import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import { Type } from 'typebox';
import type { DB } from '../db/schema.ts';
import { ctxOf } from '../http/context.ts';
import { IdParams, errorResponses } from '../http/schema-helpers.ts';
import { formatNumber } from '../text/index.ts';
import { articlePath } from './articles.presenters.ts';
import * as articles from './articles.service.ts';
import * as categories from './categories.service.ts';
import * as images from './images.service.ts';
import { ArticleMeetingList, MeetingArticle, MeetingIdParams } from './meeting-article.schema.ts';
import * as meetingArticles from './meeting-article.service.ts';
import {
  Article,
  ArticleList,
  ArticleListQuery,
  CategoryList,
  CategoryEntry,
  CreateArticleBody,
  CreateCategoryBody,
  RevisionList,
  TransitionBody,
  UpdateCategoryBody,
  UpdateArticleBody,
  UploadImageBody,
  UploadedImage,
} from './articles.schema.ts';
import { layout, articleBody, VIEW_COUNT_GAP } from './pages.ts';
import * as pub from './public.service.ts';
import { portalRuntime } from './runtime.ts';
import { findArticle, categoriesOf } from './articles.repository.ts';

const tags = ['portal'];

/** The portal's workspace API under /api/v1 (articles, categories, search for editors). */
export async function portalApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  const rt = portalRuntime(db, app.config.portal);
  /** Runs a change in a transaction, then drops cached public pages. */
  const change = async <T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> => {
    const result = await db.transaction().execute(fn);
    rt.changed();
    return result;
  };

  app.get(
    '/portal/categories',
    {
      schema: {
        tags,
        summary: 'Portal categories',
        response: { 200: CategoryList, ...errorResponses(401) },
      },
    },
    async (request) => {
      ctxOf(request);
      return { items: await categories.listCategories(db) };
    },
  );

  app.post(
    '/portal/categories',
    {
      schema: {
        tags,
        summary: 'Create a category (editor)',
        body: CreateCategoryBody,
        response: { 201: CategoryEntry, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const category = await change((trx) => categories.createCategory(trx, ctx, request.body));
      return reply.status(201).send(category);
    },
  );

  app.patch(
    '/portal/categories/:id',
    {
      schema: {
        tags,
        summary: 'Rename a category or move it to another position (editor); the slug stays',
        params: IdParams,
        body: UpdateCategoryBody,
        response: { 200: CategoryEntry, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return change((trx) => categories.updateCategory(trx, ctx, request.params.id, request.body));
    },
  );

  app.delete(
    '/portal/categories/:id',
    {
      schema: {
        tags,
        summary: 'Delete a category no article is filed under (editor)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      await change((trx) => categories.deleteCategory(trx, ctx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/portal/articles',
    {
      schema: {
        tags,
        summary: 'Articles, newest change first; q searches folded text, ranked (editor)',
        querystring: ArticleListQuery,
        response: { 200: ArticleList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => articles.listArticles(db, ctxOf(request), request.query),
  );

  app.get(
    '/portal/articles/from-meeting',
    {
      schema: {
        tags,
        summary:
          'Concluded meetings to draft an article from, each with its article if any (editor)',
        response: { 200: ArticleMeetingList, ...errorResponses(401, 403) },
      },
    },
    async (request) => meetingArticles.meetingsForArticles(db, ctxOf(request)),
  );

  app.post(
    '/portal/articles/from-meeting/:meetingId',
    {
      schema: {
        tags,
        summary:
          "Draft the article of a concluded meeting: time and place, chair, who reported, results, directives (editor or the meeting's convening side)",
        params: MeetingIdParams,
        response: { 201: Article, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const article = await change((trx) =>
        meetingArticles.draftFromMeeting(trx, ctx, request.params.meetingId),
      );
      return reply.status(201).send(article);
    },
  );

  app.get(
    '/portal/articles/for-meeting/:meetingId',
    {
      schema: {
        tags,
        summary:
          "A meeting's article: its public link once published, and whether the caller may draft it",
        params: MeetingIdParams,
        response: { 200: MeetingArticle, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      meetingArticles.articleForMeeting(db, ctxOf(request), request.params.meetingId),
  );

  app.post(
    '/portal/articles',
    {
      schema: {
        tags,
        summary: 'Create a draft article (editor)',
        body: CreateArticleBody,
        response: { 201: Article, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const article = await change((trx) => articles.createArticle(trx, ctx, request.body));
      return reply.status(201).send(article);
    },
  );

  app.get(
    '/portal/articles/:id',
    {
      schema: {
        tags,
        summary: 'One article (editor)',
        params: IdParams,
        response: { 200: Article, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const article = await articles.getArticle(db, ctxOf(request), request.params.id);
      return { ...article, views: rt.views.shown(article.id, article.views) };
    },
  );

  app.patch(
    '/portal/articles/:id',
    {
      schema: {
        tags,
        summary: 'Edit an article; a stale version gets 409 (editor)',
        params: IdParams,
        body: UpdateArticleBody,
        response: { 200: Article, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return change((trx) => articles.updateArticle(trx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/portal/articles/:id/transition',
    {
      schema: {
        tags,
        summary: 'Schedule, publish, unschedule, unpublish or return to draft (editor)',
        params: IdParams,
        body: TransitionBody,
        response: { 200: Article, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return change((trx) => articles.transitionArticle(trx, ctx, request.params.id, request.body));
    },
  );

  app.get(
    '/portal/articles/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Revisions, newest first, each with a word diff against the one before (editor)',
        params: IdParams,
        response: { 200: RevisionList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => articles.listRevisions(db, ctxOf(request), request.params.id),
  );

  app.get(
    '/portal/articles/:id/preview',
    {
      schema: {
        tags,
        summary: 'The article as readers will see it, in any state (editor); HTML',
        params: IdParams,
        response: { 200: Type.String(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const article = await articles.getArticle(db, ctxOf(request), request.params.id);
      const row = await findArticle(db, article.id);
      if (!row) throw new Error('article vanished');
      const categories = (await categoriesOf(db, [row.id])).get(row.id) ?? [];
      const site = {
        name: rt.config.siteName,
        baseUrl: '',
        categories: await pub.publicCategories(db),
      };
      const html = layout(
        {
          title: `[Xem trước] ${row.title}`,
          canonical: articlePath(row.slug),
          noindex: true,
        },
        site,
        articleBody({ ...row, publish_at: row.publish_at ?? app.clock() }, categories, []),
      ).replace(VIEW_COUNT_GAP, formatNumber(rt.views.shown(row.id, Number(row.views))));
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-robots-tag', 'noindex')
        .send(html);
    },
  );

  app.post(
    '/portal/images',
    {
      schema: {
        tags,
        summary: 'Upload an image (JPEG, PNG, WebP, GIF; base64; ≤ 700 KB) for a cover (editor)',
        body: UploadImageBody,
        response: { 201: UploadedImage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const image = await db
        .transaction()
        .execute((trx) => images.uploadImage(trx, ctx, request.body));
      return reply.status(201).send(image);
    },
  );
}
