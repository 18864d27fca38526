import { describe, expect, it } from 'vitest';
import { backoffMs } from './sender.ts';
import { NOTIFICATION_KINDS, renderEmail, renderNotification } from './templates.ts';

const params = {
  title: 'Chỉnh trang <đô thị> & "cây xanh"',
  deadline: '2017-12-31',
  startsAt: '2017-12-28T01:00:00Z',
  unitName: 'Hội Cựu chiến binh',
  periodName: 'Quý IV/2017',
  place: 'Hội trường Thị ủy',
  by: 'Ngô Thị Hằng',
  comment: 'Bổ sung số liệu',
  role: 'lead',
};

describe('notification texts', () => {
  it('has a title and body in Vietnamese and English for every kind, dates written dd/MM/yyyy', () => {
    for (const kind of NOTIFICATION_KINDS)
      for (const lang of ['vi', 'en'] as const) {
        const r = renderNotification(kind, params, lang);
        expect(r.title, `${kind} ${lang}`).not.toBe('');
        expect(r.lines.length, `${kind} ${lang}`).toBeGreaterThan(0);
        expect(r.lines.join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      }
    expect(renderNotification('task_overdue', params, 'vi').lines[0]).toContain('31/12/2017');
    expect(renderNotification('meeting_invitation', params, 'vi').lines[1]).toContain(
      '28/12/2017 08:00',
    );
  });

  it('escapes every value in the HTML, keeps the plain text as written, links when it can', () => {
    const mail = renderEmail('task_assigned', params, 'vi', 'https://giaoban.example/app/tasks/1');
    expect(mail.subject).toBe('Nhiệm vụ mới: Chỉnh trang <đô thị> & "cây xanh"');
    expect(mail.text).toContain('<đô thị> & "cây xanh"');
    expect(mail.html).toContain('&#60;đô thị&#62; &#38; &#34;cây xanh&#34;');
    expect(mail.html).not.toContain('<đô thị>');
    expect(mail.html).toContain('<a href="https://giaoban.example/app/tasks/1">');
    expect(renderEmail('task_assigned', params, 'en', null).text).not.toContain('http');
  });

  it('waits twice as long after each failed try, at most six hours', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 60_000))).toEqual([
      60_000, 120_000, 240_000, 480_000,
    ]);
    expect(backoffMs(30, 60_000)).toBe(6 * 3600_000);
  });
});
