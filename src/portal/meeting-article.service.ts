import { nowOf } from '../clock.ts';
import { isUniqueViolation } from '../db/dialect.ts';
import type { Db } from '../db/schema.ts';
import { AppError, Forbidden } from '../http/errors.ts';
import {
  concludedMeetings,
  meetingForArticle,
  meetingRelation,
  type MeetingForArticle,
} from '../meetings/article-source.service.ts';
import { formatDate, formatDateTime } from '../text/index.ts';
import type { Ctx } from '../units/roles.ts';
import { articlePath } from './articles.presenters.ts';
import * as repo from './articles.repository.ts';
import type { Article } from './articles.schema.ts';
import { insertDraft } from './articles.service.ts';
import type { ArticleState } from './articles.states.ts';
import { escapeHtml } from './html.ts';
import type { ArticleMeetingList, MeetingArticle } from './meeting-article.schema.ts';
import { canEditPortal, requireEditor } from './portal.policy.ts';

/*
 * From meeting to article: a concluded briefing meeting drafted as a portal article (its time
 * and place, the chair, the units that reported, the main results, the directives), linked to
 * the meeting, for an editor to finish and publish. Who may draft: a portal editor (from the
 * portal's articles list, for any concluded meeting, even one whose page they cannot open), and
 * the meeting's convening side (its secretariat, secretary, chair, admins over the convening
 * unit) from the meeting page; only editors edit and publish it, as any article. One article per
 * meeting.
 */

const p = (html: string) => `<p>${html}</p>`;

function personLine(person: { fullName: string; position: string | null }): string {
  return person.position ? `${person.position} ${person.fullName}` : person.fullName;
}

/** The draft's title, summary and body from the meeting's record. */
export function draftOf(m: MeetingForArticle) {
  const when = formatDateTime(m.startsAt);
  const [day, time] = [when.slice(0, 10), when.slice(11)];
  const summary = `Ngày ${day}, ${m.unitName} tổ chức ${m.title.charAt(0).toLowerCase()}${m.title.slice(1)}${m.place ? ` tại ${m.place}` : ''}.`;
  const parts = [
    p(
      escapeHtml(
        `Vào lúc ${time} ngày ${day}${m.place ? `, tại ${m.place}` : ''}, ${m.unitName} tổ chức ${m.title}${m.chair ? `. Đồng chí ${personLine(m.chair)} chủ trì hội nghị` : ''}.`,
      ),
    ),
  ];
  if (m.reporters.length > 0) {
    parts.push('<h2>Các đơn vị báo cáo</h2>');
    parts.push(
      `<ul>${m.reporters
        .map(
          (r) =>
            `<li>${escapeHtml(r.unitName)}${r.speakerName ? escapeHtml(` (${r.speakerPosition ? `${r.speakerPosition} ` : ''}${r.speakerName})`) : ''}</li>`,
        )
        .join('')}</ul>`,
    );
  }
  if (m.acknowledged.trim()) parts.push('<h2>Kết quả chủ yếu</h2>', m.acknowledged);
  if (m.shortcomings.trim()) parts.push('<h2>Hạn chế</h2>', m.shortcomings);
  if (m.directives.length > 0) {
    parts.push('<h2>Chỉ đạo của hội nghị</h2>');
    parts.push(
      `<ol>${m.directives
        .map((d) => {
          const who = [
            d.leadUnitName ? `chủ trì: ${d.leadUnitName}` : null,
            d.deadline ? `thời hạn: ${formatDate(`${d.deadline}T12:00:00+07:00`)}` : null,
          ].filter((x) => x !== null);
          return `<li>${escapeHtml(d.text)}${who.length > 0 ? escapeHtml(` (${who.join('; ')})`) : ''}</li>`;
        })
        .join('')}</ol>`,
    );
  }
  return { title: m.title, summary, bodyHtml: parts.join('\n') };
}

/** Drafts the article of a concluded meeting (editor or convening side). */
export async function draftFromMeeting(db: Db, ctx: Ctx, meetingId: number): Promise<Article> {
  const rel = await meetingRelation(db, ctx, meetingId);
  if (!canEditPortal(ctx.actor) && !rel.convener) throw Forbidden();
  if (rel.state !== 'concluded')
    throw new AppError(409, 'article_meeting_not_concluded', { title: rel.title });
  const taken = async () => {
    const existing = await repo.findArticleOfMeeting(db, meetingId);
    return (
      existing &&
      new AppError(
        409,
        'article_meeting_exists',
        { title: rel.title },
        undefined,
        {},
        {
          articleId: existing.id,
        },
      )
    );
  };
  const existing = await taken();
  if (existing) throw existing;
  try {
    return await insertDraft(db, ctx, draftOf(await meetingForArticle(db, meetingId)), meetingId);
  } catch (error) {
    // Two drafts at once: the unique index keeps one.
    if (isUniqueViolation(error)) throw (await taken()) ?? error;
    throw error;
  }
}

/** The meeting's article for its page: the link once published, whether the caller may draft. */
export async function articleForMeeting(
  db: Db,
  ctx: Ctx,
  meetingId: number,
): Promise<MeetingArticle> {
  const rel = await meetingRelation(db, ctx, meetingId);
  const editor = canEditPortal(ctx.actor);
  if (!editor && !rel.reader) throw Forbidden();
  const row = await repo.findArticleOfMeeting(db, meetingId);
  const live =
    row?.state === 'published' && row.publish_at !== null && row.publish_at <= nowOf(ctx);
  return {
    article: row
      ? {
          id: row.id,
          title: row.title,
          state: row.state as ArticleState,
          publicUrl: live ? articlePath(row.slug) : null,
          editable: editor,
        }
      : null,
    canDraft: !row && rel.state === 'concluded' && (editor || rel.convener),
  };
}

/** The concluded meetings for an editor to write about, each with its article if drafted. */
export async function meetingsForArticles(db: Db, ctx: Ctx): Promise<ArticleMeetingList> {
  requireEditor(ctx);
  const meetings = await concludedMeetings(db);
  const articles = new Map(
    (
      await repo.articlesOfMeetings(
        db,
        meetings.map((m) => m.id),
      )
    ).map((a) => [a.meeting_id, a.id]),
  );
  return { items: meetings.map((m) => ({ ...m, articleId: articles.get(m.id) ?? null })) };
}
