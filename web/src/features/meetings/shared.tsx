import { Flex, Tag, Typography } from 'antd';
import { formatDateTime } from '../../format';
import { TAG_COLORS } from '../reports/shared';
import type { Meeting, MeetingState, UnitResponse } from './api';
import { useMeetingsI18n } from './i18n';

const STATE_COLORS: Record<MeetingState, string> = {
  planned: TAG_COLORS.blue,
  in_progress: TAG_COLORS.amber,
  concluded: TAG_COLORS.green,
  cancelled: TAG_COLORS.grey,
};

export function MeetingStateTag({ state }: { state: MeetingState }) {
  const { t } = useMeetingsI18n();
  return <Tag color={STATE_COLORS[state]}>{t(`state.${state}`)}</Tag>;
}

const RESPONSE_COLORS: Record<UnitResponse, string> = {
  none: TAG_COLORS.grey,
  confirmed: TAG_COLORS.green,
  declined: TAG_COLORS.red,
};

export function ResponseTag({ response }: { response: UnitResponse }) {
  const { t } = useMeetingsI18n();
  return <Tag color={RESPONSE_COLORS[response]}>{t(`response.${response}`)}</Tag>;
}

/** "dd/MM/yyyy HH:mm – HH:mm" (the end's day only when it differs). */
export function formatSpan(startsAt: string, endsAt: string | null): string {
  const start = formatDateTime(startsAt);
  if (!endsAt) return start;
  const end = formatDateTime(endsAt);
  return end.slice(0, 10) === start.slice(0, 10)
    ? `${start} – ${end.slice(11)}`
    : `${start} – ${end}`;
}

/** The meeting's header line: time, place, chair and secretary. */
export function MeetingFacts({ meeting }: { meeting: Meeting }) {
  const { t } = useMeetingsI18n();
  return (
    <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
      <MeetingStateTag state={meeting.state} />
      <Typography.Text>{formatSpan(meeting.startsAt, meeting.plannedEndAt)}</Typography.Text>
      <Typography.Text>{t('meeting.place', { place: meeting.place })}</Typography.Text>
      {meeting.chair && (
        <Typography.Text>{t('meeting.chair', { name: meeting.chair.fullName })}</Typography.Text>
      )}
      {meeting.secretary && (
        <Typography.Text>
          {t('meeting.secretary', { name: meeting.secretary.fullName })}
        </Typography.Text>
      )}
    </Flex>
  );
}
