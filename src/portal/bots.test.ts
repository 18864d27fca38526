import { describe, expect, it } from 'vitest';
import { isAutomated } from './bots.ts';

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

describe('isAutomated', () => {
  it('counts people in ordinary browsers', () => {
    expect(isAutomated({ 'user-agent': CHROME })).toBe(false);
    expect(isAutomated({ 'user-agent': SAFARI_IPHONE })).toBe(false);
  });

  it.each([
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
    'coccocbot-web/1.0 (+http://help.coccoc.com/searchengine)',
    'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
    'Twitterbot/1.0',
    'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
    'TelegramBot (like TwitterBot)',
    'WhatsApp/2.23.20.0',
    'Zalo',
    'Discordbot/2.0',
    'LinkedInBot/1.0',
    'curl/8.5.0',
  ])('does not count %s', (ua) => {
    expect(isAutomated({ 'user-agent': ua })).toBe(true);
  });

  it('does not count a missing User-Agent or a prefetch', () => {
    expect(isAutomated({})).toBe(true);
    expect(isAutomated({ 'user-agent': '  ' })).toBe(true);
    expect(isAutomated({ 'user-agent': CHROME, 'sec-purpose': 'prefetch' })).toBe(true);
    expect(isAutomated({ 'user-agent': CHROME, purpose: 'prefetch' })).toBe(true);
  });
});
