import { anySignedIn, type Row } from './table.ts';

/**
 * The workspace search: everyone signed in may search; what each finds is limited to what they
 * may open (test/search/search.http.test.ts).
 */
export const searchRows: Row[] = [
  {
    route: 'GET /api/v1/search',
    request: async () => ({ url: '/api/v1/search?q=ket%20luan' }),
    expect: anySignedIn(200),
  },
];
