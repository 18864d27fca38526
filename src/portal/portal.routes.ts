import type { FastifyInstance } from 'fastify';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The shell every public page shares: server-rendered, readable without JavaScript. */
export function publicPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: "Times New Roman", Tinos, serif; margin: 0; color: #1a1a1a; background: #fff; }
  header { background: #a50e0e; color: #fff; padding: 1rem 1.5rem; }
  header a { color: #fff; text-decoration: none; font-size: 1.5rem; font-weight: bold; }
  main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; line-height: 1.6; font-size: 1.125rem; }
  a { color: #0b4f9c; }
</style>
</head>
<body>
<header><a href="/">Cổng thông tin Giao Ban</a></header>
<main>
${body}
</main>
</body>
</html>`;
}

/** The public portal. Articles, search and feeds arrive with the portal feature. */
export async function portalRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    const body = `<h1>Cổng thông tin Giao Ban</h1>
<p>Tin tức về hội nghị giao ban khối Đảng, đoàn thể sẽ được đăng tại đây.</p>
<p><a href="/app/">Vào trang làm việc</a> · <a href="/api/docs">Tài liệu API</a></p>`;
    return reply.type('text/html; charset=utf-8').send(publicPage('Cổng thông tin Giao Ban', body));
  });
}

export function notFoundPage(): string {
  return publicPage(
    'Không tìm thấy trang',
    '<h1>Không tìm thấy trang</h1><p>Trang bạn tìm không tồn tại hoặc đã được gỡ bỏ.</p><p><a href="/">Về trang chủ</a></p>',
  );
}
