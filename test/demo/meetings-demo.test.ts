import { beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/demo.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';

/*
 * The meeting demo: Quý III/2017's briefing of 11/10/2017 concluded with its seven directives
 * and its summary frozen at the start; Quý IV's planned with its invitations out.
 */
describeEachEngine('the meetings demo', (db) => {
  beforeAll(async () => {
    expect(await loadDemo(db())).toBe(true);
  });

  it('plans the Quý IV/2017 meeting with its invitations sent and a few answers in', async () => {
    const q4 = await db()
      .selectFrom('meetings')
      .selectAll()
      .where('title', '=', 'Hội nghị giao ban khối Đảng, đoàn thể Quý IV/2017')
      .executeTakeFirstOrThrow();
    expect(q4.state).toBe('planned');
    expect(q4.invitation_sent_at?.slice(0, 10)).toBe('2017-12-20');
    const answers = await db()
      .selectFrom('meeting_units')
      .select(['response'])
      .where('meeting_id', '=', q4.id)
      .execute();
    expect(answers.length).toBe(13);
    expect(answers.filter((a) => a.response === 'confirmed')).toHaveLength(3);
    const summary = await db()
      .selectFrom('meeting_summaries')
      .select('meeting_id')
      .where('meeting_id', '=', q4.id)
      .executeTakeFirst();
    expect(summary).toBeUndefined();
  });

  it('concludes the Quý III/2017 meeting of 11/10/2017 with seven directives and its snapshot', async () => {
    const q3 = await db()
      .selectFrom('meetings')
      .selectAll()
      .where('title', '=', 'Hội nghị giao ban khối Đảng, đoàn thể Quý III/2017')
      .executeTakeFirstOrThrow();
    expect(q3.state).toBe('concluded');
    expect([q3.starts_at, q3.planned_end_at]).toEqual([
      '2017-10-11T01:00:00.000Z',
      '2017-10-11T04:00:00.000Z',
    ]);
    expect(q3.started_at).toBe('2017-10-11T01:00:00.000Z');
    const chair = await db()
      .selectFrom('accounts')
      .select(['full_name', 'position'])
      .where('id', '=', q3.chair_account_id!)
      .executeTakeFirstOrThrow();
    expect(chair).toEqual({
      full_name: 'Nguyễn Văn Toán',
      position: 'Phó Bí thư Thường trực Thị ủy',
    });
    expect(q3.concluded_by).toBe(q3.chair_account_id);

    const directives = await db()
      .selectFrom('meeting_directives')
      .selectAll()
      .where('meeting_id', '=', q3.id)
      .orderBy('position')
      .execute();
    expect(directives.map((d) => d.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(directives[0]!.text).toContain('Đồng Kỵ');
    expect(directives[1]!.text).toContain('Vì người nghèo');
    expect(directives[4]!.text).toContain('Điều 30, Điều 32');
    expect(directives.every((d) => d.lead_unit_id !== null)).toBe(true);

    // The snapshot taken at the start: in agenda order, the submitted report marked.
    const stored = await db()
      .selectFrom('meeting_summaries')
      .selectAll()
      .where('meeting_id', '=', q3.id)
      .executeTakeFirstOrThrow();
    expect(stored.frozen_at).toBe(q3.started_at);
    const summary = JSON.parse(stored.body_json) as {
      units: { unitName: string; status: string }[];
      proposals: { answer: string | null }[];
    };
    expect(summary.units[0]!.unitName).toBe('Ban Tổ chức Thị ủy');
    expect(summary.units).toHaveLength(13);
    expect(summary.units.find((u) => u.unitName === 'Hội Nông dân thị xã Từ Sơn')!.status).toBe(
      'submitted',
    );
    expect(
      summary.units.find((u) => u.unitName === 'Hội Liên hiệp Phụ nữ thị xã Từ Sơn')!.status,
    ).toBe('missing');
    // Frozen before the conclusion answered the proposals.
    expect(summary.proposals.length).toBe(4);
    expect(summary.proposals.every((p) => p.answer === null)).toBe(true);

    // Every speaker timed, in order; the minutes written; the attendance taken.
    const items = await db()
      .selectFrom('meeting_agenda_items')
      .selectAll()
      .where('meeting_id', '=', q3.id)
      .orderBy('sort_order')
      .execute();
    expect(items.length).toBe(16);
    expect(items.every((i) => i.started_at !== null && i.ended_at !== null)).toBe(true);
    const minutes = await db()
      .selectFrom('meeting_minutes')
      .select('body_json')
      .where('meeting_id', '=', q3.id)
      .executeTakeFirstOrThrow();
    const body = JSON.parse(minutes.body_json) as { speeches: Record<string, string> };
    expect(Object.keys(body.speeches)).toHaveLength(16);
    const proposals = await db()
      .selectFrom('report_proposals')
      .select(['text', 'answer'])
      .orderBy('id')
      .execute();
    // Three answered in the conclusion; Hội Nông dân's request for funds waits for the budget.
    expect(proposals.filter((p) => p.answer !== null)).toHaveLength(3);
    expect(proposals.filter((p) => p.answer === null).map((p) => p.text)).toEqual([
      expect.stringContaining('hai lớp tập huấn'),
    ]);
  });
});
