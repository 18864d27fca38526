import type { FastifyInstance } from 'fastify';
import { deepNfc, hasInvalidText } from '../text/index.ts';
import { AppError, Invalid } from './errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies: refuse invalid UTF-8 instead of silently replacing bytes with U+FFFD, parse with
 * Fastify's prototype-poisoning-safe parser, and normalize every string to NFC (as query strings).
 */
export function registerBodyHandling(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  // The API speaks JSON only: anything else is 415, not a string handed to the schema.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(new AppError(400, 'invalid_encoding'), undefined);
      return;
    }
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    void parseJson(request, text, (error, value) => {
      if (error) done(new AppError(400, 'invalid_json'), undefined);
      else done(null, value);
    });
  });
  app.addHook('preValidation', async (request) => {
    const bad =
      invalidTextAt(request.body, '') ??
      invalidTextAt(request.query, 'querystring.') ??
      invalidTextAt(request.params, 'params.');
    if (bad !== null) throw Invalid({ [bad]: { rule: 'invalidText' } });
    if (request.body !== undefined) request.body = deepNfc(request.body);
    if (request.query) request.query = deepNfc(request.query);
    if (request.params) request.params = deepNfc(request.params);
  });
}

/**
 * The path of the first string holding NUL or a lone surrogate ("name", "items.2.text"), or
 * null. Iterative, like deepNfc: bodies are attacker-controlled and may nest deeply.
 */
function invalidTextAt(value: unknown, prefix: string): string | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  const seen = new Set<object>();
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value: v, path } = item;
    if (typeof v === 'string') {
      if (hasInvalidText(v)) return prefix + (path.join('.') || '_');
      continue;
    }
    if (typeof v !== 'object' || v === null || seen.has(v) || Buffer.isBuffer(v)) continue;
    seen.add(v);
    for (const [key, child] of Object.entries(v)) {
      if (hasInvalidText(key)) return prefix + [...path, '_'].join('.');
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}
