import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Table, Typography } from 'antd';
import { formatDateTime } from '../../format';
import { sendInvitation, useStore, type Meeting, type MeetingUnit } from './api';
import { useMeetingsI18n } from './i18n';
import { ResponseTag } from './shared';

/** The invitation list: sending it, and who confirmed, declined or has not answered. */
export function InvitationTab({ meeting }: { meeting: Meeting }) {
  const { t } = useMeetingsI18n();
  const { message } = App.useApp();
  const store = useStore();
  const [sending, setSending] = useState(false);
  const canSend = meeting.actions.includes('send_invitation');

  const send = async () => {
    setSending(true);
    try {
      const saved = await sendInvitation(meeting);
      store('meeting', meeting.id, saved);
      void message.success(t('invitation.done', { n: saved.units.length }));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setSending(false);
    }
  };
  return (
    <Flex vertical gap={12}>
      <Card
        size="small"
        title={t('meeting.tab.invitation')}
        extra={
          canSend && (
            <Button
              type={meeting.invitationSentAt ? 'default' : 'primary'}
              loading={sending}
              onClick={() => void send()}
            >
              {meeting.invitationSentAt ? t('invitation.resend') : t('invitation.send')}
            </Button>
          )
        }
      >
        <Flex vertical gap={8}>
          <Typography.Text data-testid="invitation-sent">
            {meeting.invitationSentAt
              ? t('invitation.sent', { at: formatDateTime(meeting.invitationSentAt) }) +
                (meeting.invitationSentByName ? ` (${meeting.invitationSentByName})` : '')
              : t('invitation.notSent')}
          </Typography.Text>
          {meeting.invitationLate && meeting.invitationNoticeDays !== null && (
            <Alert
              type="warning"
              showIcon
              title={t('invitation.late', { days: meeting.invitationNoticeDays })}
            />
          )}
          <Typography.Text strong data-testid="invitation-counts">
            {t('invitation.counts', meeting.responses)}
          </Typography.Text>
          <Table<MeetingUnit>
            size="small"
            rowKey="unitId"
            pagination={false}
            dataSource={meeting.units}
            columns={[
              { title: t('common.unit'), dataIndex: 'unitName' },
              {
                title: t('common.state'),
                render: (_: unknown, u) => <ResponseTag response={u.response} />,
              },
              {
                title: t('invitation.attendee'),
                render: (_: unknown, u) =>
                  u.response === 'confirmed'
                    ? [
                        [u.attendeeName, u.attendeePosition].filter(Boolean).join(', '),
                        u.attendeeKind === 'delegate' ? `(${t('unit.respond.delegate')})` : '',
                      ]
                        .filter(Boolean)
                        .join(' ')
                    : u.response === 'declined'
                      ? t('response.declinedBecause', { reason: u.declineReason ?? '' })
                      : '',
              },
              {
                title: t('invitation.respondedAt'),
                render: (_: unknown, u) =>
                  u.respondedAt
                    ? `${formatDateTime(u.respondedAt)}${u.respondedByName ? ` · ${u.respondedByName}` : ''}`
                    : '',
              },
            ]}
          />
        </Flex>
      </Card>
      {meeting.guests.length > 0 && (
        <Card size="small" title={t('invitation.guests')}>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {meeting.guests.map((g) => (
              <li key={g.id}>{[g.name, g.position, g.organization].filter(Boolean).join(', ')}</li>
            ))}
          </ul>
        </Card>
      )}
    </Flex>
  );
}
