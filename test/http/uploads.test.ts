import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildTestApp, loginCookie } from '../../src/test-support/factories.ts';
import { buildReportSetup } from '../../src/test-support/report-factories.ts';
import { XLSX, multipartFile } from '../reports/http-helpers.ts';

/*
 * Uploads: a file is stored whole or not at all. An oversize file is 413 with nothing stored
 * (never a copy cut to the limit), a malformed multipart body is 400 in the error shape.
 */
describeEachEngine('uploads', (db) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(db());
  });
  afterAll(() => app.close());

  async function stored(reportId: number) {
    const attachments = await db()
      .selectFrom('report_attachments')
      .select(['id', 'file_name', 'size'])
      .where('report_id', '=', reportId)
      .execute();
    const audit = await db()
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return { attachments, audit: Number(audit.n) };
  }

  async function setup() {
    const s = await buildReportSetup(db());
    const cookie = await loginCookie(app, s.accounts.reporter.username);
    return { s, cookie };
  }

  function upload(
    cookie: string,
    url: string,
    body: { payload: Buffer | string; headers: Record<string, string> },
  ) {
    return app.inject({
      method: 'POST',
      url,
      payload: body.payload,
      headers: { cookie, ...body.headers },
    });
  }

  for (const size of [5 * 1024 * 1024 + 1, 6 * 1024 * 1024]) {
    it(`an attachment of ${size} bytes is refused whole: 413, nothing stored`, async () => {
      const { s, cookie } = await setup();
      const before = await stored(s.report.id);
      const r = await upload(
        cookie,
        `/api/v1/reports/${s.report.id}/attachments?version=1`,
        multipartFile('sau-mb.pdf', Buffer.alloc(size), 'application/pdf'),
      );
      expect(r.statusCode).toBe(413);
      expect(r.json()).toEqual({
        error: { code: 'file_too_large', message: 'Tệp vượt quá giới hạn 5 MB.' },
      });
      expect(await stored(s.report.id)).toEqual(before);
    });
  }

  it('over a real connection, twelve 6 MiB uploads are each refused and none is stored', async () => {
    // A socket delivers the body in chunks: the last chunk before the limit can end the file
    // exactly at 5 MiB, which only the part's truncated flag tells apart from a whole file.
    const { s, cookie } = await setup();
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const before = await stored(s.report.id);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(6 * 1024 * 1024)]), 'sau-mb.pdf');
      const r = await fetch(`${url}/api/v1/reports/${s.report.id}/attachments?version=1`, {
        method: 'POST',
        body: form,
        headers: { cookie, origin: url },
      });
      statuses.push(r.status);
      await r.arrayBuffer();
    }
    expect(statuses).toEqual(Array(12).fill(413));
    expect(await stored(s.report.id)).toEqual(before);
  });

  it('an attachment of exactly 5 MiB is stored whole', async () => {
    const { s, cookie } = await setup();
    const r = await upload(
      cookie,
      `/api/v1/reports/${s.report.id}/attachments?version=1`,
      multipartFile('vua-du.pdf', Buffer.alloc(5 * 1024 * 1024, 7), 'application/pdf'),
    );
    expect(r.statusCode).toBe(201);
    expect((await stored(s.report.id)).attachments).toMatchObject([{ size: 5 * 1024 * 1024 }]);
  });

  it('an oversize Excel sheet is 413, not "unreadable", and saves nothing', async () => {
    const { s, cookie } = await setup();
    const r = await upload(
      cookie,
      `/api/v1/reports/${s.report.id}/indicators.xlsx?version=1`,
      multipartFile('chi-tieu.xlsx', Buffer.alloc(6 * 1024 * 1024), XLSX),
    );
    expect(r.statusCode).toBe(413);
    expect(r.json<{ error: { code: string } }>().error.code).toBe('file_too_large');
    const report = await app.inject({ url: `/api/v1/reports/${s.report.id}`, headers: { cookie } });
    expect(report.json<{ version: number }>().version).toBe(1);
  });

  const malformed: [string, { payload: string | Buffer; headers: Record<string, string> }][] = [
    [
      'no boundary',
      {
        payload: 'x',
        headers: { 'content-type': 'multipart/form-data', 'sec-fetch-site': 'same-origin' },
      },
    ],
    [
      'a wrong boundary',
      {
        payload:
          '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nx\r\n--abc--\r\n',
        headers: {
          'content-type': 'multipart/form-data; boundary=zzz',
          'sec-fetch-site': 'same-origin',
        },
      },
    ],
    [
      'a body cut off in the file',
      {
        payload:
          '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 cut',
        headers: {
          'content-type': 'multipart/form-data; boundary=abc',
          'sec-fetch-site': 'same-origin',
        },
      },
    ],
    [
      'a body cut off in the part headers',
      {
        payload: '--abc\r\nContent-Disposition: form-da',
        headers: {
          'content-type': 'multipart/form-data; boundary=abc',
          'sec-fetch-site': 'same-origin',
        },
      },
    ],
  ];
  for (const [what, body] of malformed) {
    for (const target of ['attachments', 'indicators.xlsx']) {
      it(`multipart with ${what} to ${target} is 400 in the error shape, in either language`, async () => {
        const { s, cookie } = await setup();
        const before = await stored(s.report.id);
        const url = `/api/v1/reports/${s.report.id}/${target}?version=1`;
        const vi = await upload(cookie, url, body);
        expect(vi.statusCode).toBe(400);
        expect(vi.json()).toEqual({
          error: {
            code: 'multipart_invalid',
            message: 'Nội dung tải lên bị hỏng hoặc không đầy đủ; hãy chọn tệp và gửi lại.',
          },
        });
        const en = await upload(cookie, url, {
          ...body,
          headers: { ...body.headers, 'accept-language': 'en' },
        });
        expect(en.statusCode).toBe(400);
        expect(en.json<{ error: { message: string } }>().error.message).toBe(
          'The upload is damaged or incomplete; choose the file and send it again.',
        );
        expect(await stored(s.report.id)).toEqual(before);
      });
    }
  }

  it('a 1,000-character file name is shortened and keeps its extension', async () => {
    const { s, cookie } = await setup();
    const name = `${'Báo cáo quý '.repeat(90).slice(0, 995)}.docx`;
    const r = await upload(
      cookie,
      `/api/v1/reports/${s.report.id}/attachments?version=1`,
      multipartFile(name, Buffer.from('PK'), 'application/octet-stream'),
    );
    expect(r.statusCode).toBe(201);
    const saved = r.json<{ fileName: string; mimeType: string }>();
    expect(saved.fileName.endsWith('.docx')).toBe(true);
    expect(saved.fileName.length).toBeLessThanOrEqual(255);
    expect(saved.fileName.startsWith('Báo cáo quý')).toBe(true);
    expect(saved.mimeType).toContain('wordprocessingml');
  });
});
