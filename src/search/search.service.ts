import {
  byRank,
  rankedMatches,
  SEARCH_BUDGET_MS,
  type FullTextCandidate,
} from '../db/full-text.ts';
import type { Db } from '../db/schema.ts';
import {
  entriesByIds,
  entryKeys,
  kindFilter,
  SEARCH_KINDS,
  WORKSPACE_INDEX,
  type SearchKind,
} from '../db/search-index.ts';
import { Invalid } from '../http/errors.ts';
import { readableRecords } from '../meetings/search-entries.service.ts';
import { highlight, searchTerms } from '../portal/highlight.ts';
import { articleHits, articleMatches } from '../portal/workspace-search.service.ts';
import { readableProposals, readableReports } from '../reports/search-entries.service.ts';
import { readableTasks } from '../tasks/search-entries.service.ts';
import type { Ctx } from '../units/roles.ts';
import { listUnits } from '../units/units.service.ts';
import { bestSnippet } from './snippets.ts';
import type { ResultKind, SearchAnswer, SearchQuery, SearchResult } from './search.schema.ts';

/*
 * The workspace search: one query over the workspace index (reports, proposals, minutes,
 * conclusions with their directives, tasks) and one over the portal's articles, both by the
 * app's one full-text mechanism (src/db/full-text.ts); the matches each feature says the caller
 * may open (its own read rule, asked through its service), merged by rank and paged.
 */

const PAGE_SIZE = 20;

/**
 * The words that name a kind of record: a query holding them ("ket luan dong ky") asks for that
 * kind first, so its results rank above the others the remaining words find.
 */
const KIND_WORDS: Record<ResultKind, string> = {
  report: 'bao cao',
  proposal: 'kien nghi',
  minutes: 'bien ban',
  conclusion: 'ket luan',
  task: 'nhiem vu',
  article: 'bai viet',
};
const KIND_BONUS = 20;

/** The kinds the query names. */
export function kindsNamed(terms: readonly string[]): Set<ResultKind> {
  const query = ` ${terms.join(' ')} `;
  return new Set(
    (Object.keys(KIND_WORDS) as ResultKind[]).filter((k) => query.includes(` ${KIND_WORDS[k]} `)),
  );
}

interface Hit extends FullTextCandidate {
  kind: ResultKind;
  /** The record (the meeting's id for minutes and conclusions; the article's id). */
  subjectId: number;
  /** The report of a proposal. */
  reportId?: number;
  source: 'workspace' | 'article';
}

const hrefOf = (h: Hit): string => {
  switch (h.kind) {
    case 'report':
      return `/app/reports/${h.subjectId}`;
    case 'proposal':
      return `/app/reports/${h.reportId}`;
    case 'minutes':
      return `/app/meetings/${h.subjectId}?tab=minutes`;
    case 'conclusion':
      return `/app/meetings/${h.subjectId}?tab=conclusion`;
    case 'task':
      return `/app/tasks/${h.subjectId}`;
    case 'article':
      return '';
  }
};

/** The workspace matches the caller may open. */
async function workspaceHits(
  db: Db,
  ctx: Ctx,
  ranked: readonly FullTextCandidate[],
): Promise<Hit[]> {
  const keys = await entryKeys(
    db,
    ranked.map((c) => c.id),
  );
  const of = (kind: SearchKind) => keys.filter((k) => k.kind === kind).map((k) => k.subjectId);
  const meetings = [...new Set([...of('minutes'), ...of('conclusion')])];
  const [reports, proposals, records, tasks] = await Promise.all([
    readableReports(db, ctx, of('report')),
    readableProposals(db, ctx, of('proposal')),
    readableRecords(db, ctx, meetings),
    readableTasks(db, ctx, of('task')),
  ]);
  const allowed: Record<SearchKind, (id: number) => boolean> = {
    report: (id) => reports.has(id),
    proposal: (id) => proposals.has(id),
    minutes: (id) => records.has(id),
    conclusion: (id) => records.has(id),
    task: (id) => tasks.has(id),
  };
  const byId = new Map(keys.map((k) => [k.id, k]));
  return ranked.flatMap((c) => {
    const k = byId.get(c.id);
    if (!k || !allowed[k.kind](k.subjectId)) return [];
    const hit: Hit = { ...c, kind: k.kind, subjectId: k.subjectId, source: 'workspace' };
    if (k.kind === 'proposal') hit.reportId = proposals.get(k.subjectId);
    return [hit];
  });
}

export async function searchWorkspace(
  db: Db,
  ctx: Ctx,
  query: SearchQuery,
  budgetMs = SEARCH_BUDGET_MS,
): Promise<SearchAnswer> {
  const terms = searchTerms(query.q);
  if (terms.length === 0) throw Invalid({ 'querystring.q': { rule: 'searchWords' } });
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? PAGE_SIZE;
  const kinds = SEARCH_KINDS.filter((k) => query.kind === undefined || query.kind === k);
  const started = Date.now();
  const workspace =
    kinds.length > 0
      ? await rankedMatches(db, WORKSPACE_INDEX, terms, kindFilter(kinds), budgetMs)
      : { ranked: [], more: false, timedOut: false };
  const left = Math.max(1, budgetMs - (Date.now() - started));
  const articles =
    query.kind === undefined || query.kind === 'article'
      ? await articleMatches(db, ctx, terms, left)
      : { ranked: [], more: false, timedOut: false };
  const timedOut = workspace.timedOut || articles.timedOut;
  const named = kindsNamed(terms);
  const hits = timedOut
    ? []
    : [
        ...(await workspaceHits(db, ctx, workspace.ranked)),
        ...articles.ranked.map((c): Hit => ({
          ...c,
          kind: 'article',
          subjectId: c.id,
          source: 'article',
        })),
      ]
        .map((h) => (named.has(h.kind) ? { ...h, score: h.score + KIND_BONUS } : h))
        .sort(byRank);
  const shown = hits.slice((page - 1) * pageSize, page * pageSize);
  return {
    items: await present(db, ctx, shown, terms),
    total: hits.length,
    more: workspace.more || articles.more,
    timedOut,
    page,
    pageSize,
    terms,
  };
}

async function present(
  db: Db,
  ctx: Ctx,
  hits: readonly Hit[],
  terms: readonly string[],
): Promise<SearchResult[]> {
  if (hits.length === 0) return [];
  const [entries, articles, units] = await Promise.all([
    entriesByIds(
      db,
      hits.filter((h) => h.source === 'workspace').map((h) => h.id),
    ),
    articleHits(
      db,
      ctx,
      hits.filter((h) => h.source === 'article').map((h) => h.id),
    ),
    listUnits(db),
  ]);
  const entryById = new Map(entries.map((e) => [e.id, e]));
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return hits.flatMap((h): SearchResult[] => {
    if (h.source === 'article') {
      const a = articleById.get(h.id);
      if (!a) return [];
      return [
        {
          kind: 'article',
          id: a.id,
          title: a.title,
          titleHtml: highlight(a.title, terms),
          snippetHtml: bestSnippet(a.text, terms),
          href: a.href,
          unitName: null,
          at: a.at,
        },
      ];
    }
    const e = entryById.get(h.id);
    if (!e) return [];
    return [
      {
        kind: h.kind,
        id: h.subjectId,
        title: e.title,
        titleHtml: highlight(e.title, terms),
        snippetHtml: bestSnippet(e.body, terms),
        href: hrefOf(h),
        unitName: e.unitId === null ? null : (unitName.get(e.unitId) ?? null),
        at: e.at,
      },
    ];
  });
}
