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
  return cachedIsBot(ua);
}

// isbot runs one large regular expression; the same few User-Agent strings come again and
// again, so remember the answers (bounded, cleared when full).
const verdicts = new Map<string, boolean>();
function cachedIsBot(ua: string): boolean {
  let verdict = verdicts.get(ua);
  if (verdict === undefined) {
    verdict = isbot(ua);
    if (verdicts.size >= 5000) verdicts.clear();
    if (ua.length <= 512) verdicts.set(ua, verdict);
  }
  return verdict;
}
