import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

/** Types of the portal API (see the OpenAPI document, tag "portal"). */

export type ArticleState = 'draft' | 'scheduled' | 'published' | 'unpublished';
export type ArticleAction = 'schedule' | 'publish' | 'unschedule' | 'unpublish' | 'to_draft';

/** A category as an article lists it. */
export interface Category {
  id: number;
  slug: string;
  name: string;
  sortOrder: number;
}

/** A category in the category list, with what its management page needs. */
export interface CategoryEntry extends Category {
  version: number;
  articleCount: number;
}

export interface Article {
  id: number;
  slug: string;
  url: string;
  title: string;
  summary: string;
  bodyHtml: string;
  byline: string;
  coverImageId: number | null;
  coverImageUrl: string | null;
  coverAlt: string;
  categories: Category[];
  state: ArticleState;
  allowedActions: ArticleAction[];
  publishAt: string | null;
  views: number;
  imported: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ArticleSummary {
  id: number;
  slug: string;
  url: string;
  title: string;
  titleHtml: string;
  snippetHtml: string;
  byline: string;
  categories: Category[];
  state: ArticleState;
  publishAt: string | null;
  views: number;
  version: number;
  updatedAt: string;
}

export interface Revision {
  id: number;
  version: number;
  title: string;
  byline: string;
  actorName: string | null;
  createdAt: string;
  changes: Array<{ value: string; added: boolean; removed: boolean }>;
}

export interface ArticleFields {
  title: string;
  slug?: string;
  summary: string;
  bodyHtml: string;
  byline: string;
  coverImageId: number | null;
  coverAlt: string;
  categoryIds: number[];
}

export interface ListFilter {
  q?: string;
  state?: ArticleState;
  categoryId?: number;
  page?: number;
}

const categoriesKey = ['portal', 'categories'] as const;

/** The categories in display order (the order of the portal's navigation). */
export function useCategories() {
  return useQuery({
    queryKey: categoriesKey,
    queryFn: () => api.get<{ items: CategoryEntry[] }>('/portal/categories').then((r) => r.items),
  });
}

/** Create, rename, move and delete categories (editors only). */
export function useCategoryMutations() {
  const client = useQueryClient();
  // Positions of the others and names shown on articles change too: reload what shows them.
  const settle = () => client.invalidateQueries({ queryKey: ['portal'] });
  const create = useMutation({
    mutationFn: (body: { name: string; slug?: string }) =>
      api.post<CategoryEntry>('/portal/categories', body),
    onSettled: settle,
  });
  const update = useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: number;
      version: number;
      name?: string;
      sortOrder?: number;
    }) => api.patch<CategoryEntry>(`/portal/categories/${id}`, body),
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
    queryFn: () =>
      api.get<{ items: ArticleSummary[]; total: number; page: number; pageSize: number }>(
        '/portal/articles',
        { ...filter },
      ),
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
    queryFn: () =>
      api.get<{ items: Revision[] }>(`/portal/articles/${id}/revisions`).then((r) => r.items),
  });
}

export function useCreateArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fields: Partial<ArticleFields> & { title: string; bodyHtml: string }) =>
      api.post<Article>('/portal/articles', fields),
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
    mutationFn: (body: Partial<ArticleFields> & { version: number }) =>
      api.patch<Article>(`/portal/articles/${id}`, body),
    onSuccess: done,
  });
  const transition = useMutation({
    mutationFn: (body: { version: number; action: ArticleAction; publishAt?: string }) =>
      api.post<Article>(`/portal/articles/${id}/transition`, body),
    onSuccess: done,
  });
  return { save, transition };
}

/** Uploads an image file as base64; returns its id and URL. */
export async function uploadImage(file: File): Promise<{ id: number; url: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return api.post<{ id: number; url: string }>('/portal/images', { dataBase64: btoa(binary) });
}
