import type { Lang } from '../http/i18n.ts';
import { fill, warningMessages } from '../http/messages.ts';
import type { MeetingWarning } from './meetings.schema.ts';

/** A warning in the request's language (texts in src/http/messages.ts). */
export function meetingWarning(
  code: MeetingWarning['code'],
  lang: Lang,
  params: Record<string, unknown>,
): MeetingWarning {
  return { code, message: fill(warningMessages[code][lang], params) };
}
