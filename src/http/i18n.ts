import type { FastifyRequest } from 'fastify';

export type Lang = 'vi' | 'en';

/**
 * The language of the answer: the first of `vi`/`en` in Accept-Language by quality,
 * Vietnamese when the header names neither.
 */
export function languageOf(request: Pick<FastifyRequest, 'headers'>): Lang {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string' || header === '') return 'vi';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { primary: tag.split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((l) => l.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const l of ranked) {
    if (l.primary === 'vi' || l.primary === 'en') return l.primary;
  }
  return 'vi';
}
