import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

/*
 * Types of the portal API, from the server's schemas (type-only: nothing of the server is
 * bundled; `npm run typecheck` fails when they no longer fit what this feature does).
 */
import type { Static } from 'typebox';
import type * as schema from '../../../../src/portal/articles.schema.ts';
import type * as meetingSchema from '../../../../src/portal/meeting-article.schema.ts';

export type { ArticleAction, ArticleState } from '../../../../src/portal/articles.states.ts';
/** A category as an article lists it. */
export type Category = schema.Category;
/** A category in the category list, with what its management page needs. */
export type CategoryEntry = schema.CategoryEntry;
export type Article = schema.Article;
export type ArticleSummary = schema.ArticleSummary;
export type Revision = schema.Revision;
/** What the article editor sends: every field of a new article, the slug only if typed. */
export type ArticleFields = Required<Omit<schema.CreateArticleBody, 'slug'>> &
  Pick<schema.CreateArticleBody, 'slug'>;
export type ListFilter = schema.ArticleListQuery;
type ArticleList = Static<typeof schema.ArticleList>;
type CategoryList = Static<typeof schema.CategoryList>;
type RevisionList = Static<typeof schema.RevisionList>;
type UploadedImage = Static<typeof schema.UploadedImage>;

const categoriesKey = ['portal', 'categories'] as const;

/** The categories in display order (the order of the portal's navigation). */
export function useCategories() {
  return useQuery({
    queryKey: categoriesKey,
    queryFn: () => api.get<CategoryList>('/portal/categories').then((r) => r.items),
  });
}

/** Create, rename, move and delete categories (editors only). */
export function useCategoryMutations() {
  const client = useQueryClient();
  // Positions of the others and names shown on articles change too: reload what shows them.
  const settle = () => client.invalidateQueries({ queryKey: ['portal'] });
  const create = useMutation({
    mutationFn: (body: schema.CreateCategoryBody) =>
      api.post<CategoryEntry>('/portal/categories', body),
    onSettled: settle,
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: schema.UpdateCategoryBody & { id: number }) =>
      api.patch<CategoryEntry>(`/portal/categories/${id}`, body),
    onSettled: settle,
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/portal/categories/${id}`),
    onSettled: settle,
  });
  return { create, update, remove };
}

export function useArticles(filter: ListFilter) {
  return useQuery({
    queryKey: ['portal', 'articles', filter],
    queryFn: () => api.get<ArticleList>('/portal/articles', { ...filter }),
  });
}

export function useArticle(id: number) {
  return useQuery({
    queryKey: ['portal', 'article', id],
    queryFn: () => api.get<Article>(`/portal/articles/${id}`),
  });
}

export function useRevisions(id: number) {
  return useQuery({
    queryKey: ['portal', 'revisions', id],
    queryFn: () => api.get<RevisionList>(`/portal/articles/${id}/revisions`).then((r) => r.items),
  });
}

export function useCreateArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fields: schema.CreateArticleBody) => api.post<Article>('/portal/articles', fields),
    onSuccess: () => client.invalidateQueries({ queryKey: ['portal', 'articles'] }),
  });
}

export function useArticleMutations(id: number) {
  const client = useQueryClient();
  const done = (article: Article) => {
    client.setQueryData(['portal', 'article', id], article);
    void client.invalidateQueries({ queryKey: ['portal', 'articles'] });
    void client.invalidateQueries({ queryKey: ['portal', 'revisions', id] });
  };
  const save = useMutation({
    mutationFn: (body: schema.UpdateArticleBody) =>
      api.patch<Article>(`/portal/articles/${id}`, body),
    onSuccess: done,
  });
  const transition = useMutation({
    mutationFn: (body: schema.TransitionBody) =>
      api.post<Article>(`/portal/articles/${id}/transition`, body),
    onSuccess: done,
  });
  return { save, transition };
}

/** Uploads an image file as base64; returns its id and URL. */
export async function uploadImage(file: File): Promise<UploadedImage> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return api.post<UploadedImage>('/portal/images', { dataBase64: btoa(binary) });
}

export type MeetingArticle = meetingSchema.MeetingArticle;
export type ArticleMeetingList = meetingSchema.ArticleMeetingList;

/** A meeting's article (the link once published) and whether the caller may draft it. */
export function useMeetingArticle(meetingId: number, enabled = true) {
  return useQuery({
    queryKey: ['portal', 'for-meeting', meetingId],
    queryFn: () => api.get<MeetingArticle>(`/portal/articles/for-meeting/${meetingId}`),
    enabled,
  });
}

/** The concluded meetings an editor may draft an article from. */
export function useArticleMeetings(enabled: boolean) {
  return useQuery({
    queryKey: ['portal', 'from-meeting'],
    queryFn: () =>
      api.get<ArticleMeetingList>('/portal/articles/from-meeting').then((r) => r.items),
    enabled,
  });
}

/** Drafts a concluded meeting's article. */
export function useDraftFromMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (meetingId: number) =>
      api.post<Article>(`/portal/articles/from-meeting/${meetingId}`, {}),
    onSettled: () => client.invalidateQueries({ queryKey: ['portal'] }),
  });
}
