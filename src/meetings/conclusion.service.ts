import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { Forbidden, Invalid, NotFound, type FieldProblem } from '../http/errors.ts';
import {
  answerProposal as answerReportProposal,
  listProposals,
} from '../reports/proposals.service.ts';
import { sanitizeRichText } from '../text/rich-text.ts';
import type { Ctx } from '../units/roles.ts';
import { loadMeeting, requireState, stale, type LoadedMeeting } from './meeting-access.ts';
import type {
  AnswerProposalBody,
  Conclusion,
  Directive,
  MeetingProposal,
  SaveConclusionBody,
} from './meetings.schema.ts';
import { canConclude, meetingPermissions } from './meetings.policy.ts';
import * as repo from './meetings.repository.ts';
import { indexConclusion } from './search-entries.service.ts';
import { loadNames, personOf, unitName, type Names } from './meetings.service.ts';
import { isOpen, type MeetingState } from './meetings.states.ts';

/*
 * The conclusion (kết luận): what is acknowledged, what falls short (rich text on the allow-
 * list), the directives as ordered records (text, proposed lead unit, coordinating units,
 * deadline) that the tasks feature turns into tasks, and answers to the proposals raised in
 * the invited units' reports, stored on the proposals through the reporting feature's service.
 */

async function directivesOf(db: Db, meetingId: number, names: Names): Promise<Directive[]> {
  const rows = await repo.listDirectives(db, meetingId);
  const units = await repo.directiveUnits(
    db,
    rows.map((d) => d.id),
  );
  return rows.map((d, i) => ({
    id: d.id,
    position: i + 1,
    text: d.text,
    leadUnitId: d.lead_unit_id,
    leadUnitName: unitName(names, d.lead_unit_id),
    coordinatingUnits: (units.get(d.id) ?? []).map((u) => ({
      unitId: u,
      unitName: unitName(names, u) ?? '',
    })),
    deadline: d.deadline,
  }));
}

/** Proposals sent in the invited units' reports of the meeting's period, that the caller reads. */
async function meetingProposals(
  db: Db,
  ctx: Ctx,
  loaded: LoadedMeeting,
): Promise<MeetingProposal[]> {
  const invited = new Map(loaded.units.map((u) => [u.unit_id, u.sort_order]));
  const inMeeting = new Set(
    (await repo.listProposalAnswers(db, loaded.row.id)).map((a) => a.proposal_id),
  );
  const { items } = await listProposals(db, ctx, { periodId: loaded.row.period_id });
  return items
    .filter((p) => invited.has(p.unitId))
    .sort((a, b) => invited.get(a.unitId)! - invited.get(b.unitId)! || a.id - b.id)
    .map((p) => ({
      id: p.id,
      reportId: p.reportId,
      unitId: p.unitId,
      unitName: p.unitName,
      text: p.text,
      answer: p.answer,
      answeredByName: p.answeredByName,
      answeredAt: p.answeredAt,
      answeredInMeeting: inMeeting.has(p.id),
      version: p.version,
    }));
}

async function presentConclusion(db: Db, ctx: Ctx, loaded: LoadedMeeting): Promise<Conclusion> {
  const { row, tree, access } = loaded;
  const names = await loadNames(db, [row.period_id]);
  const stored = (await repo.findConclusion(db, row.id))!;
  return {
    meetingId: row.id,
    state: row.state as MeetingState,
    version: stored.version,
    locked: !isOpen(row.state as MeetingState),
    chair: personOf(names, row.chair_account_id),
    concludedAt: row.concluded_at,
    concludedByName: row.concluded_by_name,
    onBehalfOfName:
      row.on_behalf_of === null ? null : (personOf(names, row.on_behalf_of)?.fullName ?? null),
    acknowledged: stored.acknowledged,
    shortcomings: stored.shortcomings,
    directives: await directivesOf(db, row.id, names),
    proposals: await meetingProposals(db, ctx, loaded),
    updatedAt: stored.updated_by === null ? null : stored.updated_at,
    updatedByName: stored.updated_by_name,
    actions: meetingPermissions(ctx.actor, access, tree),
  };
}

export async function getConclusion(db: Db, ctx: Ctx, id: number): Promise<Conclusion> {
  return presentConclusion(db, ctx, await loadMeeting(db, ctx, id, 'record'));
}

async function loadForConcluding(db: Db, ctx: Ctx, id: number, field: string) {
  const loaded = await loadMeeting(db, ctx, id, 'record');
  if (!canConclude(ctx.actor, loaded.access, loaded.tree)) throw Forbidden();
  requireState(loaded.row, ['planned', 'in_progress'], field);
  return loaded;
}

/** Saves the conclusion's texts and, when given, the whole ordered list of directives. */
export async function saveConclusion(
  db: Db,
  ctx: Ctx,
  id: number,
  input: SaveConclusionBody,
): Promise<Conclusion> {
  const loaded = await loadForConcluding(db, ctx, id, 'directives');
  const { row, tree } = loaded;
  const stored = (await repo.findConclusion(db, id))!;
  if (stored.version !== input.version) throw stale('conclusion', stored.version);
  const existing = new Set((await repo.listDirectives(db, id)).map((d) => d.id));
  const fields: Record<string, FieldProblem> = {};
  const seen = new Set<number>();
  const directives = (input.directives ?? []).map((d, i) => {
    const at = `directives.${i}`;
    if (d.id !== undefined && !existing.has(d.id)) fields[`${at}.id`] = { rule: 'notInMeeting' };
    else if (d.id !== undefined && seen.has(d.id)) fields[`${at}.id`] = { rule: 'duplicate' };
    if (d.id !== undefined) seen.add(d.id);
    const text = d.text.trim();
    if (!text) fields[`${at}.text`] = { rule: 'blank' };
    const lead = d.leadUnitId ?? null;
    if (lead !== null && !tree.has(lead)) fields[`${at}.leadUnitId`] = { rule: 'notFound' };
    const coordinating = [...new Set(d.coordinatingUnitIds ?? [])];
    (d.coordinatingUnitIds ?? []).forEach((u, j) => {
      if (!tree.has(u)) fields[`${at}.coordinatingUnitIds.${j}`] = { rule: 'notFound' };
    });
    if (d.deadline && Number.isNaN(Date.parse(d.deadline)))
      fields[`${at}.deadline`] = { rule: 'format', params: { format: 'date' } };
    return { id: d.id, text, lead, coordinating, deadline: d.deadline ?? null };
  });
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  const before = await presentConclusion(db, ctx, loaded);
  const at = nowOf(ctx);
  const updated = await repo.updateConclusion(db, id, input.version, {
    acknowledged:
      input.acknowledged === undefined ? stored.acknowledged : sanitizeRichText(input.acknowledged),
    shortcomings:
      input.shortcomings === undefined ? stored.shortcomings : sanitizeRichText(input.shortcomings),
    updated_at: at,
    updated_by: ctx.actor.id,
    updated_by_name: ctx.actor.fullName,
  });
  if (!updated) throw stale('conclusion', stored.version);
  if (input.directives) {
    await repo.deleteDirectives(
      db,
      [...existing].filter((d) => !seen.has(d)),
    );
    for (const [i, d] of directives.entries()) {
      const values = {
        position: i + 1,
        text: d.text,
        lead_unit_id: d.lead,
        deadline: d.deadline,
        updated_at: at,
      };
      const directiveId =
        d.id ?? (await repo.insertDirective(db, { meeting_id: id, ...values, created_at: at })).id;
      if (d.id !== undefined) await repo.updateDirective(db, d.id, values);
      await repo.replaceDirectiveUnits(db, directiveId, d.coordinating);
    }
  }
  await indexConclusion(db, ctx, id);
  const conclusion = await presentConclusion(db, ctx, loaded);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: row.unit_id,
    entityType: 'meeting_conclusion',
    entityId: id,
    summary: row.title,
    before: auditView(before),
    after: auditView(conclusion),
  });
  return conclusion;
}

function auditView(c: Conclusion) {
  return { acknowledged: c.acknowledged, shortcomings: c.shortcomings, directives: c.directives };
}

/**
 * Answers a proposal of an invited unit's report in the conclusion: the answer is stored on the
 * proposal by the reporting feature (and audited there); the meeting notes it was given here.
 */
export async function answerProposal(
  db: Db,
  ctx: Ctx,
  id: number,
  proposalId: number,
  input: AnswerProposalBody,
): Promise<Conclusion> {
  const loaded = await loadForConcluding(db, ctx, id, 'answer');
  if (!(await meetingProposals(db, ctx, loaded)).some((p) => p.id === proposalId))
    throw NotFound('proposal');
  const answered = await answerReportProposal(db, ctx, proposalId, input);
  await repo.recordProposalAnswer(db, {
    meeting_id: id,
    proposal_id: proposalId,
    answered_at: answered.answeredAt ?? nowOf(ctx),
    answered_by_name: ctx.actor.fullName,
  });
  return presentConclusion(db, ctx, loaded);
}

/** A concluded meeting's directives as the tasks feature reads them. */
export interface DirectivesForTasks {
  meeting: { id: number; unitId: number; title: string; state: MeetingState; startsAt: string };
  directives: {
    id: number;
    position: number;
    text: string;
    leadUnitId: number | null;
    coordinatingUnitIds: number[];
    deadline: string | null;
  }[];
}

/**
 * The meeting and its directives, for turning them into tasks: the caller must read the
 * meeting's record (404, 403 otherwise); the meeting's state is the caller's to check.
 */
export async function directivesForTasks(
  db: Db,
  ctx: Ctx,
  meetingId: number,
): Promise<DirectivesForTasks> {
  const { row } = await loadMeeting(db, ctx, meetingId, 'record');
  const rows = await repo.listDirectives(db, meetingId);
  const units = await repo.directiveUnits(
    db,
    rows.map((d) => d.id),
  );
  return {
    meeting: {
      id: row.id,
      unitId: row.unit_id,
      title: row.title,
      state: row.state as MeetingState,
      startsAt: row.starts_at,
    },
    directives: rows.map((d, i) => ({
      id: d.id,
      position: i + 1,
      text: d.text,
      leadUnitId: d.lead_unit_id,
      coordinatingUnitIds: units.get(d.id) ?? [],
      deadline: d.deadline,
    })),
  };
}
