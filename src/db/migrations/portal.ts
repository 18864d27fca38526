import type { Migration } from 'kysely';
import * as m0201 from './2026-11-29-0201-portal-articles.ts';
import * as m0202 from './2026-11-29-0202-portal-search.ts';
import * as m0203 from './2026-12-01-0203-portal-category-version.ts';
import * as m0204 from './2026-12-02-0204-portal-scale.ts';
import * as m0205 from './2026-12-04-0205-portal-meeting-article.ts';

/** Migrations of the portal feature: names `<date>-02NN-portal-…`. */
export const portalMigrations: Record<string, Migration> = {
  '2026-11-29-0201-portal-articles': m0201,
  '2026-11-29-0202-portal-search': m0202,
  '2026-12-01-0203-portal-category-version': m0203,
  '2026-12-02-0204-portal-scale': m0204,
  '2026-12-04-0205-portal-meeting-article': m0205,
};
