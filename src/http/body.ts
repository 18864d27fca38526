import type { FastifyInstance } from 'fastify';
import { deepNfc } from '../text/index.ts';
import { AppError } from './errors.ts';

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
    if (request.body !== undefined) request.body = deepNfc(request.body);
    if (request.query) request.query = deepNfc(request.query);
  });
}
