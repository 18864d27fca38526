import type { Generated } from 'kysely';

/** Tables of the public portal (articles, categories, images, revisions). */
export interface PortalTables {
  portal_categories: PortalCategoryTable;
  portal_images: PortalImageTable;
  portal_articles: PortalArticleTable;
  portal_article_categories: PortalArticleCategoryTable;
  portal_revisions: PortalRevisionTable;
  portal_changes: PortalChangesTable;
}

/** One row (id 1): a counter every article or category write bumps; page caches watch it. */
export interface PortalChangesTable {
  id: number;
  counter: number;
}

export interface PortalCategoryTable {
  id: Generated<number>;
  slug: string;
  name: string;
  sort_order: number;
  created_at: string;
  version: Generated<number>;
}

export interface PortalImageTable {
  id: Generated<number>;
  mime: string;
  bytes: Buffer | Uint8Array;
  size: number;
  created_by: number | null;
  created_at: string;
}

export interface PortalArticleTable {
  id: Generated<number>;
  slug: string;
  title: string;
  /** fold(title): the search key. */
  title_folded: string;
  summary: string;
  /** Sanitized HTML: the only raw HTML the public pages print. */
  body_html: string;
  /** fold(summary + text of the body): the search key. */
  body_folded: string;
  /** The authors as written, e.g. "Thu Thủy - Xuân Khương". */
  byline: string;
  cover_image_id: number | null;
  cover_alt: string;
  state: string;
  /** When it was (or will be) published: ISO UTC. */
  publish_at: string | null;
  /** The stored count; the pending increments of each instance are added on top. */
  views: Generated<number>;
  /** Set for imported articles: re-importing the same source updates this row. */
  import_key: string | null;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  /** The briefing meeting the article reports on (drafted from it), if any; one per meeting. */
  meeting_id: Generated<number | null>;
}

export interface PortalArticleCategoryTable {
  article_id: number;
  category_id: number;
  /** The article's publish time while it is published, else NULL: the category page's order. */
  published_at: Generated<string | null>;
}

export interface PortalRevisionTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  title: string;
  summary: string;
  body_html: string;
  byline: string;
  actor_id: number | null;
  actor_name: string | null;
  created_at: string;
}
