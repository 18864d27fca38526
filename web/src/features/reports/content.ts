import { diffWordsWithSpace } from 'diff';
import type { Report, ReportContent } from './api';

/** The editable content of a report as the server holds it. */
export function contentOf(report: Report): ReportContent {
  return {
    sections: Object.fromEntries(report.sections.map((s) => [s.key, s.html])),
    values: report.indicators.map((i) => ({ indicatorId: i.indicatorId, value: i.value })),
    proposals: report.proposals.map((p) => ({ id: p.id, text: p.text })),
  };
}

export function sameContent(a: ReportContent, b: ReportContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A draft kept in the browser until it is saved: it survives a reload or a lost connection. */
export interface LocalDraft {
  baseVersion: number;
  content: ReportContent;
  at: string;
}

const keyOf = (reportId: number) => `giaoban.reportDraft.${reportId}`;

export function readDraft(reportId: number): LocalDraft | null {
  try {
    const raw = localStorage.getItem(keyOf(reportId));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(reportId: number, draft: LocalDraft): void {
  try {
    localStorage.setItem(keyOf(reportId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft lives on in the page until it is saved.
  }
}

export function clearDraft(reportId: number): void {
  localStorage.removeItem(keyOf(reportId));
}

/** Visible text of a section, for comparing two versions. */
export function plainText(html: string): string {
  const doc = new DOMParser().parseFromString(html.replace(/<\/(p|li|h\d)>/g, '\n'), 'text/html');
  return (doc.body.textContent ?? '').replace(/\n{2,}/g, '\n').trim();
}

export function wordDiff(before: string, after: string) {
  return diffWordsWithSpace(plainText(before), plainText(after)).map((p) => ({
    op: p.added ? ('insert' as const) : p.removed ? ('delete' as const) : ('equal' as const),
    text: p.value,
  }));
}
