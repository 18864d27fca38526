import type { Db } from '../db/schema.ts';
import { accountsHolding, notifyMany } from '../notifications/notify.ts';
import type { Ctx } from '../units/roles.ts';
import type { Meeting } from './meetings.schema.ts';

/**
 * The invitation was sent (or sent again after a change): each invited unit's head and reporters
 * are notified, once per sending (its time is the occasion). Returns the meeting.
 */
export async function notifyInvitation(db: Db, ctx: Ctx, meeting: Meeting): Promise<Meeting> {
  const sentAt = meeting.invitationSentAt;
  if (sentAt === null) return meeting;
  const people = await accountsHolding(
    db,
    meeting.units.map((u) => u.unitId),
    ['unit_head', 'reporter'],
  );
  await notifyMany(
    db,
    ctx,
    meeting.units.map((u) => ({
      kind: 'meeting_invitation' as const,
      subject: { type: 'meeting', id: meeting.id },
      occasion: sentAt,
      recipients: people.get(u.unitId) ?? [],
      params: {
        title: meeting.title,
        startsAt: meeting.startsAt,
        place: meeting.place,
        unitName: u.unitName,
      },
      link: `/app/meetings/${meeting.id}`,
    })),
  );
  return meeting;
}
