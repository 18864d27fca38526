import { isbot } from 'isbot';

/**
 * True when a request is not a person reading: crawlers and link-preview fetchers (isbot's list:
 * Googlebot, coccocbot, facebookexternalhit, Zalo, Twitterbot, Slackbot, TelegramBot…), clients
 * that send no User-Agent at all, and browser prefetches (the page may never be shown).
 */
export function isAutomated(headers: {
  'user-agent'?: string | undefined;
  purpose?: string | string[] | undefined;
  'sec-purpose'?: string | string[] | undefined;
}): boolean {
  const ua = headers['user-agent']?.trim() ?? '';
  if (ua === '') return true;
  const purpose = String(headers['sec-purpose'] ?? headers.purpose ?? '');
  if (/prefetch|preview/i.test(purpose)) return true;
  return isbot(ua);
}
