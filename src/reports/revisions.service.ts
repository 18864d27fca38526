import type { Db } from '../db/schema.ts';
import { NotFound } from '../http/errors.ts';
import type { Ctx } from '../units/roles.ts';
import { getTemplateVersion, listIndicators } from './catalog.service.ts';
import { loadReadable } from './report-access.ts';
import * as repo from './reports.repository.ts';
import type { ReportDiff } from './reports.schema.ts';
import type { ReportContent } from './reports.service.ts';
import { diffLists, diffSections } from './revision-diff.ts';

export async function listRevisions(db: Db, ctx: Ctx, reportId: number) {
  await loadReadable(db, ctx, reportId);
  const rows = await repo.listRevisions(db, reportId);
  return {
    items: rows.map((r) => ({
      number: r.number,
      state: r.state,
      note: r.note,
      authorName: r.author_name,
      at: r.at,
    })),
  };
}

async function content(db: Db, reportId: number, number: number): Promise<ReportContent> {
  const row = await repo.findRevision(db, reportId, number);
  if (!row) throw NotFound('revision');
  return JSON.parse(row.content_json) as ReportContent;
}

/** What changed between two revisions: a word diff per section, values, proposals. */
export async function diffRevisions(
  db: Db,
  ctx: Ctx,
  reportId: number,
  from: number,
  to: number,
): Promise<ReportDiff> {
  const loaded = await loadReadable(db, ctx, reportId);
  const a = await content(db, reportId, from);
  const b = await content(db, reportId, to);
  const template = await getTemplateVersion(db, loaded.period.template_version_id);
  const indicators = await listIndicators(db);
  const valueIds = new Set([...Object.keys(a.values), ...Object.keys(b.values)]);
  return {
    from,
    to,
    sections: template.sections.map((s) => {
      const changes = diffSections(a.sections[s.key] ?? '', b.sections[s.key] ?? '');
      return {
        key: s.key,
        title: s.title,
        changed: changes.some((c) => c.op !== 'equal'),
        changes,
      };
    }),
    values: indicators
      .filter(
        (i) => valueIds.has(String(i.id)) && a.values[String(i.id)] !== b.values[String(i.id)],
      )
      .map((i) => ({
        indicatorId: i.id,
        code: i.code,
        name: i.name,
        before: a.values[String(i.id)] ?? null,
        after: b.values[String(i.id)] ?? null,
      })),
    proposals: diffLists(a.proposals, b.proposals),
  };
}
