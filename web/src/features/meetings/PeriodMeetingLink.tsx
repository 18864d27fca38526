import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../api/auth';
import { useUnits } from '../../api/units';
import { holdsRoleOver } from '../../roles';
import type { PeriodLinkProps } from '../slots';
import { useMeetings } from './api';
import { useMeetingsI18n } from './i18n';

/**
 * The period board's link to the period's meeting (the latest one not cancelled), or, for the
 * convening unit's secretariat, to planning one.
 */
export default function PeriodMeetingLink({ periodId, unitId }: PeriodLinkProps) {
  const { t } = useMeetingsI18n();
  const user = useCurrentUser();
  const units = useUnits();
  const meetings = useMeetings({ periodId });
  if (!meetings.data) return null;
  const meeting = meetings.data.filter((m) => m.state !== 'cancelled').at(-1);
  const style = { alignSelf: 'center' } as const;
  if (meeting)
    return (
      <Link to={`/meetings/${meeting.id}`} style={style}>
        {t('board.meeting')}: {meeting.title}
      </Link>
    );
  if (!holdsRoleOver(user, 'secretariat', unitId, units.data ?? [])) return null;
  return (
    <Link to={`/meetings?periodId=${periodId}&new=1`} style={style}>
      {t('board.meeting.new')}
    </Link>
  );
}
