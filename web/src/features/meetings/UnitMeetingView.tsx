import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import { formatDateTime } from '../../format';
import { PageHeader } from '../../components/PageHeader';
import { MeetingActions } from '../slots';
import { respond, useAgenda, useStore, type Meeting, type MeetingUnit } from './api';
import { ConclusionTab } from './ConclusionTab';
import { useMeetingsI18n } from './i18n';
import { MinutesTab } from './MinutesTab';
import { MeetingFacts, ResponseTag } from './shared';
import { minutesOf } from './timing';

/**
 * An invited unit's view of its meeting: when and where, its slot on the agenda, and the
 * confirmation (the head, a named delegate, or declining with a reason) until the meeting
 * starts; the minutes and the conclusion once they are published to it.
 */
export function UnitMeetingView({ meeting }: { meeting: Meeting }) {
  const { t } = useMeetingsI18n();
  const mine = meeting.units.filter((u) => meeting.respondUnitIds.includes(u.unitId));
  return (
    <>
      <PageHeader
        title={t('unit.title', { title: meeting.title })}
        actions={
          <MeetingActions
            meetingId={meeting.id}
            unitId={meeting.unitId}
            periodId={meeting.periodId}
            state={meeting.state}
            actions={meeting.actions}
          />
        }
      />
      <MeetingFacts meeting={meeting} />
      <Flex vertical gap={12}>
        {!meeting.invitationSentAt && <Alert type="info" showIcon title={t('unit.notSent')} />}
        {mine.map((unit) => (
          <UnitInvitation key={unit.unitId} meeting={meeting} unit={unit} />
        ))}
        {meeting.actions.includes('read_minutes') && <MinutesTab meeting={meeting} />}
        {meeting.actions.includes('read_conclusion') && meeting.state === 'concluded' && (
          <ConclusionTab meeting={meeting} />
        )}
      </Flex>
    </>
  );
}

type Choice = 'head' | 'delegate' | 'decline';
interface Values {
  choice: Choice;
  name?: string;
  position?: string;
  reason?: string;
}

function UnitInvitation({ meeting, unit }: { meeting: Meeting; unit: MeetingUnit }) {
  const { t } = useMeetingsI18n();
  const { message } = App.useApp();
  const store = useStore();
  const agenda = useAgenda(meeting.id);
  const [form] = Form.useForm<Values>();
  const choice = Form.useWatch('choice', form);
  const [saving, setSaving] = useState(false);
  const open = meeting.state === 'planned' && meeting.actions.includes('respond');
  const items = agenda.data?.items ?? [];
  const slot = items.findIndex((i) => i.unitId === unit.unitId && !i.extra);
  const slotItem = slot >= 0 ? items[slot] : undefined;

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const saved = await respond(
        meeting.id,
        unit.unitId,
        v.choice === 'decline'
          ? { response: 'declined', reason: v.reason?.trim() ?? '' }
          : {
              response: 'confirmed',
              attendeeKind: v.choice,
              ...(v.name?.trim() && { name: v.name.trim() }),
              ...(v.position?.trim() && { position: v.position.trim() }),
            },
      );
      store('meeting', meeting.id, saved);
      void message.success(t('unit.respond.done'));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  const answer =
    unit.response === 'confirmed'
      ? [
          t('response.confirmed'),
          [unit.attendeeName, unit.attendeePosition].filter(Boolean).join(', '),
        ]
          .filter(Boolean)
          .join(': ')
      : unit.response === 'declined'
        ? t('response.declinedBecause', { reason: unit.declineReason ?? '' })
        : t('response.none');

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          {unit.unitName}
          <ResponseTag response={unit.response} />
        </Flex>
      }
    >
      <Typography.Paragraph>
        {slotItem
          ? t('unit.slot', {
              n: slot + 1,
              title: slotItem.title,
              minutes: minutesOf(slotItem.plannedSeconds),
            })
          : t('unit.noSlot')}
      </Typography.Paragraph>
      {unit.respondedAt && (
        <Typography.Paragraph data-testid="unit-response">
          {t('unit.respond.current', { answer, at: formatDateTime(unit.respondedAt) })}
        </Typography.Paragraph>
      )}
      {!open && meeting.state !== 'planned' && (
        <Alert type="info" showIcon title={t('unit.respond.closed')} />
      )}
      {open && (
        <Form<Values>
          form={form}
          name={`respond-${unit.unitId}`}
          layout="vertical"
          initialValues={{
            choice: unit.response === 'declined' ? 'decline' : (unit.attendeeKind ?? 'head'),
            name: unit.attendeeKind === 'delegate' ? (unit.attendeeName ?? '') : '',
            position: unit.attendeeKind === 'delegate' ? (unit.attendeePosition ?? '') : '',
            reason: unit.declineReason ?? '',
          }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item name="choice" label={t('unit.response')}>
            <Radio.Group
              options={[
                { value: 'head', label: t('unit.respond.head') },
                { value: 'delegate', label: t('unit.respond.delegate') },
                { value: 'decline', label: t('unit.respond.decline') },
              ]}
            />
          </Form.Item>
          {choice === 'delegate' && (
            <Flex gap={12} wrap>
              <Form.Item
                name="name"
                label={t('unit.respond.name')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input maxLength={200} style={{ width: 260 }} />
              </Form.Item>
              <Form.Item
                name="position"
                label={t('unit.respond.position')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input maxLength={200} style={{ width: 220 }} />
              </Form.Item>
            </Flex>
          )}
          {choice === 'decline' && (
            <Form.Item
              name="reason"
              label={t('unit.respond.reason')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('unit.respond.send')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
