import { anySignedIn, type Row } from './table.ts';

/** The home page's to-do list: everyone signed in has one (empty when nothing is asked of them). */
export const homeRows: Row[] = [
  {
    route: 'GET /api/v1/me/todo',
    request: async () => ({ url: '/api/v1/me/todo' }),
    expect: anySignedIn(200),
  },
];
