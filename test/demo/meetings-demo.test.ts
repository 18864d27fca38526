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
});
