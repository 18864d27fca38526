import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/*
 * Two defences every response and request passes through:
 *
 * - A state-changing request (anything but GET, HEAD, OPTIONS) must come from the app's own
 *   origin. Browsers say where a request comes from: `Sec-Fetch-Site` (Chromium, Firefox,
 *   Safari) and `Origin` (every browser, on every POST, PUT, PATCH and DELETE). A page on
 *   another port of the same host is the same *site*, so SameSite=Lax cookies reach the app
 *   from it; these headers are what tell it apart. A request with neither header cannot come
 *   from a page in a current browser: it is curl, the CLI or a test, and is let through — unless
 *   its body is one a cross-origin page could send without a preflight (form-encoded,
 *   multipart, text/plain), which then needs one of the headers to prove its origin.
 * - Security headers: a Content-Security-Policy with no inline scripts anywhere (portal, the
 *   workspace, the API docs), no framing by other sites, and HSTS when served over HTTPS.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SIMPLE_BODIES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** antd writes its styles at run time, so styles may be inline; scripts never. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** The origin this request was addressed to: PUBLIC_BASE_URL's, else scheme and Host. */
function ownOrigin(request: FastifyRequest, publicBaseUrl: string | null): string | null {
  if (publicBaseUrl) return new URL(publicBaseUrl).origin;
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return null;
  }
}

function sameOrigin(request: FastifyRequest, publicBaseUrl: string | null): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  if (typeof origin === 'string') {
    if (origin === 'null') return false;
    let from: string;
    try {
      from = new URL(origin).origin;
    } catch {
      return false;
    }
    // Behind a proxy the Host may be rewritten; the browser's own same-origin verdict stands.
    if (site === 'same-origin') return true;
    return from === ownOrigin(request, publicBaseUrl);
  }
  if (typeof site === 'string') return true;
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  return !SIMPLE_BODIES.some((simple) => type.startsWith(simple));
}

export function registerSecurity(app: FastifyInstance, publicBaseUrl: string | null = null): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (!sameOrigin(request, publicBaseUrl)) throw new AppError(403, 'cross_origin');
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('x-frame-options', 'SAMEORIGIN');
    if (request.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
  });
}
