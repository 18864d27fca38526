import { freshMeeting } from './meetings.rows.ts';
import { allow, type Row } from './table.ts';

/*
 * From meeting to article. Editors list the concluded meetings and draft from any of them; the
 * meeting's convening side (root's secretariat and chair, root's admin) drafts from its page;
 * the meeting's readers (the convening side, A's and B's people as invited units) and editors
 * see its article's link.
 */

const url = (id: number, tail: string) => `/api/v1/portal/articles/${tail}/${id}`;

export const meetingArticleRows: Row[] = [
  {
    route: 'GET /api/v1/portal/articles/from-meeting',
    request: async () => ({ url: '/api/v1/portal/articles/from-meeting' }),
    expect: allow(['editor'], 200),
  },
  {
    route: 'POST /api/v1/portal/articles/from-meeting/:meetingId',
    request: async (fx) => ({
      url: url((await freshMeeting(fx, 'concluded')).id, 'from-meeting'),
      payload: {},
    }),
    expect: allow(['editor', 'secretary', 'chair', 'rootAdmin'], 201),
  },
  {
    route: 'GET /api/v1/portal/articles/for-meeting/:meetingId',
    request: async (fx) => ({ url: url((await freshMeeting(fx, 'concluded')).id, 'for-meeting') }),
    expect: allow(['editor', 'secretary', 'chair', 'rootAdmin', 'reporterA', 'headA'], 200),
  },
];
