import type { Lang } from '../http/i18n.ts';
import { formatDate, formatDateTime } from '../text/format.ts';

/** Values a kind's template fills in (names, titles, dates as YYYY-MM-DD or ISO instants). */
export type NotificationParams = Record<string, string | number | null>;

/** What the app notifies of. */
export const NOTIFICATION_KINDS = [
  'meeting_invitation',
  'report_deadline_soon',
  'report_deadline_passed',
  'report_returned',
  'task_assigned',
  'task_due_soon',
  'task_overdue',
  'task_returned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Rendered {
  /** One line: the in-app entry and the e-mail's subject. */
  title: string;
  /** The paragraphs of the body, plain text. */
  lines: string[];
}

const s = (p: NotificationParams, k: string): string => {
  const v = p[k];
  return v === null || v === undefined ? '' : String(v);
};
const day = (p: NotificationParams, k: string) => (s(p, k) ? formatDate(s(p, k)) : '');
const time = (p: NotificationParams, k: string) => (s(p, k) ? formatDateTime(s(p, k)) : '');
const withComment = (p: NotificationParams, label: string, lines: string[]) =>
  s(p, 'comment') ? [...lines, `${label}: ${s(p, 'comment')}`] : lines;

type Template = (p: NotificationParams) => Rendered;

const TEMPLATES: Record<NotificationKind, Record<Lang, Template>> = {
  meeting_invitation: {
    vi: (p) => ({
      title: `Giấy mời: ${s(p, 'title')}`,
      lines: [
        `Kính mời ${s(p, 'unitName') || 'đơn vị'} dự ${s(p, 'title')}.`,
        `Thời gian: ${time(p, 'startsAt')}. Địa điểm: ${s(p, 'place')}.`,
        'Đề nghị đơn vị xác nhận người dự trên Giao Ban.',
      ],
    }),
    en: (p) => ({
      title: `Invitation: ${s(p, 'title')}`,
      lines: [
        `${s(p, 'unitName') || 'Your unit'} is invited to ${s(p, 'title')}.`,
        `When: ${time(p, 'startsAt')}. Where: ${s(p, 'place')}.`,
        'Please confirm who attends in Giao Ban.',
      ],
    }),
  },
  report_deadline_soon: {
    vi: (p) => ({
      title: `Sắp đến hạn gửi báo cáo ${s(p, 'periodName')} (${day(p, 'deadline')})`,
      lines: [
        `Báo cáo ${s(p, 'periodName')} của ${s(p, 'unitName')} cần gửi Thị ủy trước hết ngày ${day(p, 'deadline')}.`,
        'Báo cáo chưa được gửi. Đề nghị đơn vị hoàn thành và gửi đúng hạn.',
      ],
    }),
    en: (p) => ({
      title: `${s(p, 'periodName')} report due ${day(p, 'deadline')}`,
      lines: [
        `The ${s(p, 'periodName')} report of ${s(p, 'unitName')} is due by the end of ${day(p, 'deadline')}.`,
        'It has not been sent yet. Please finish and send it on time.',
      ],
    }),
  },
  report_deadline_passed: {
    vi: (p) => ({
      title: `Quá hạn gửi báo cáo ${s(p, 'periodName')}`,
      lines: [
        `Hạn gửi báo cáo ${s(p, 'periodName')} là ngày ${day(p, 'deadline')}; báo cáo của ${s(p, 'unitName')} chưa được gửi.`,
        'Đề nghị đơn vị gửi báo cáo sớm nhất.',
      ],
    }),
    en: (p) => ({
      title: `${s(p, 'periodName')} report overdue`,
      lines: [
        `The ${s(p, 'periodName')} report was due on ${day(p, 'deadline')}; ${s(p, 'unitName')} has not sent it.`,
        'Please send it as soon as possible.',
      ],
    }),
  },
  report_returned: {
    vi: (p) => ({
      title: `Báo cáo ${s(p, 'periodName')} bị trả lại`,
      lines: withComment(p, 'Lý do', [
        `${s(p, 'by')} đã trả lại báo cáo ${s(p, 'periodName')} của ${s(p, 'unitName')}.`,
      ]),
    }),
    en: (p) => ({
      title: `${s(p, 'periodName')} report returned`,
      lines: withComment(p, 'Reason', [
        `${s(p, 'by')} returned the ${s(p, 'periodName')} report of ${s(p, 'unitName')}.`,
      ]),
    }),
  },
  task_assigned: {
    vi: (p) => ({
      title: `Nhiệm vụ mới: ${s(p, 'title')}`,
      lines: [
        `${s(p, 'unitName')} được giao ${s(p, 'role') === 'lead' ? 'chủ trì' : 'phối hợp thực hiện'} nhiệm vụ: ${s(p, 'title')}.`,
        `Thời hạn: ${day(p, 'deadline')}.`,
      ],
    }),
    en: (p) => ({
      title: `New task: ${s(p, 'title')}`,
      lines: [
        `${s(p, 'unitName')} is ${s(p, 'role') === 'lead' ? 'to lead' : 'to coordinate on'} the task: ${s(p, 'title')}.`,
        `Deadline: ${day(p, 'deadline')}.`,
      ],
    }),
  },
  task_due_soon: {
    vi: (p) => ({
      title: `Sắp đến hạn: ${s(p, 'title')} (${day(p, 'deadline')})`,
      lines: [
        `Nhiệm vụ "${s(p, 'title')}" do ${s(p, 'unitName')} chủ trì đến hạn ngày ${day(p, 'deadline')}.`,
        'Đề nghị đơn vị cập nhật tiến độ.',
      ],
    }),
    en: (p) => ({
      title: `Due soon: ${s(p, 'title')} (${day(p, 'deadline')})`,
      lines: [
        `The task "${s(p, 'title')}" led by ${s(p, 'unitName')} is due on ${day(p, 'deadline')}.`,
        'Please update its progress.',
      ],
    }),
  },
  task_overdue: {
    vi: (p) => ({
      title: `Quá hạn: ${s(p, 'title')}`,
      lines: [
        `Nhiệm vụ "${s(p, 'title')}" do ${s(p, 'unitName')} chủ trì đã quá hạn (hạn ${day(p, 'deadline')}).`,
        'Đề nghị đơn vị báo cáo kết quả hoặc đề nghị gia hạn.',
      ],
    }),
    en: (p) => ({
      title: `Overdue: ${s(p, 'title')}`,
      lines: [
        `The task "${s(p, 'title')}" led by ${s(p, 'unitName')} is overdue (due ${day(p, 'deadline')}).`,
        'Please report its result or ask for an extension.',
      ],
    }),
  },
  task_returned: {
    vi: (p) => ({
      title: `Nhiệm vụ bị trả lại: ${s(p, 'title')}`,
      lines: withComment(p, 'Ý kiến', [
        `${s(p, 'by')} đã trả lại báo cáo hoàn thành nhiệm vụ "${s(p, 'title')}".`,
      ]),
    }),
    en: (p) => ({
      title: `Task returned: ${s(p, 'title')}`,
      lines: withComment(p, 'Comment', [
        `${s(p, 'by')} returned the done report of the task "${s(p, 'title')}".`,
      ]),
    }),
  },
};

/** The kind's text in `lang`, filled from `params`. An unknown kind still reads. */
export function renderNotification(kind: string, params: NotificationParams, lang: Lang): Rendered {
  const template = TEMPLATES[kind as NotificationKind]?.[lang];
  if (template) return template(params);
  return { title: kind, lines: [] };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface Email {
  subject: string;
  text: string;
  html: string;
}

/**
 * The e-mail of a notification: the subject, the plain text and the same in HTML (every value
 * escaped). `url` is the subject's page, absolute when the public address is configured.
 */
export function renderEmail(
  kind: string,
  params: NotificationParams,
  lang: Lang,
  url: string | null,
): Email {
  const r = renderNotification(kind, params, lang);
  const open = lang === 'en' ? 'Open in Giao Ban' : 'Mở trên Giao Ban';
  const footer =
    lang === 'en'
      ? 'You receive this e-mail because e-mail is on in your Giao Ban profile.'
      : 'Bạn nhận thư này vì đã chọn nhận thư điện tử trong hồ sơ Giao Ban.';
  const text = [...r.lines, ...(url ? [`${open}: ${url}`] : []), '', '--', footer].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:Arial,sans-serif;line-height:1.5">',
    `<h2 style="color:#8b1a1a;font-size:18px">${escapeHtml(r.title)}</h2>`,
    ...r.lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    ...(url ? [`<p><a href="${escapeHtml(url)}">${escapeHtml(open)}</a></p>`] : []),
    `<hr><p style="color:#666;font-size:12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: r.title, text, html };
}
