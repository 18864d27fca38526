import { lazy, Suspense, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Input, Modal, Skeleton, Tabs } from 'antd';
import { useCurrentUser } from '../../api/auth';
import { useUnits } from '../../api/units';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { holdsRoleOver } from '../../roles';
import { MeetingActions, useSlots, type MeetingSlotProps } from '../slots';
import { meetingTransition, useMeeting, useMeetingsRefresh, useStore, type Meeting } from './api';
import { AgendaTab } from './AgendaTab';
import { AttendanceTab } from './AttendanceTab';
import { ConclusionTab } from './ConclusionTab';
import { InvitationTab } from './InvitationTab';
import { MinutesTab } from './MinutesTab';
import { RunningTab } from './RunningTab';
import { useMeetingsI18n } from './i18n';
import { MeetingDialog } from './MeetingsListPage';
import { MeetingFacts } from './shared';
import { UnitMeetingView } from './UnitMeetingView';

const SummaryTab = lazy(() => import('./SummaryTab'));

const TABS = [
  'invitation',
  'summary',
  'agenda',
  'running',
  'attendance',
  'minutes',
  'conclusion',
] as const;
type Tab = (typeof TABS)[number];

export default function MeetingPage() {
  const id = Number(useParams().id);
  const query = useMeeting(id);
  const user = useCurrentUser();
  const units = useUnits();
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data || !units.data) return <Skeleton active />;
  const meeting = query.data;
  // The convening unit's secretariat and chair (and admins over it) run the meeting; an invited
  // unit sees its invitation. The server decides each action anyway (`actions`).
  const convening = (['secretariat', 'chair', 'admin'] as const).some((role) =>
    holdsRoleOver(user, role, meeting.unitId, units.data),
  );
  return convening ? <MeetingWorkspace meeting={meeting} /> : <UnitMeetingView meeting={meeting} />;
}

/** Where a meeting opens: its invitation while planned, running while on, minutes after. */
function defaultTab(meeting: Meeting): Tab {
  if (meeting.state === 'in_progress') return 'running';
  if (meeting.state === 'concluded') return 'minutes';
  return 'invitation';
}

function MeetingWorkspace({ meeting }: { meeting: Meeting }) {
  const { t, lang } = useMeetingsI18n();
  const { message, modal } = App.useApp();
  const store = useStore();
  const refresh = useMeetingsRefresh();
  const [params, setParams] = useSearchParams();
  const [cancelling, setCancelling] = useState(false);
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const slot: MeetingSlotProps = {
    meetingId: meeting.id,
    unitId: meeting.unitId,
    periodId: meeting.periodId,
    state: meeting.state,
    actions: meeting.actions,
  };
  // Tabs other features add (the tasks made from the conclusion), after the meeting's own.
  const extraTabs = (useSlots().meetingTabs ?? []).filter((x) => x.visible?.(slot) ?? true);
  const asked = params.get('tab');
  const extra = extraTabs.find((x) => x.key === asked);
  const tab: string = extra
    ? extra.key
    : TABS.includes(asked as Tab)
      ? (asked as Tab)
      : defaultTab(meeting);

  const transition = async (action: 'start' | 'cancel', why?: string) => {
    setBusy(true);
    try {
      const next = await meetingTransition(meeting, { action, ...(why && { reason: why }) });
      store('meeting', meeting.id, next);
      await refresh();
      if (action === 'start') {
        void message.success(t('meeting.started'));
        setParams({ tab: 'running' });
      }
      setCancelling(false);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const start = () =>
    void modal.confirm({
      title: t('meeting.start'),
      content: t('meeting.start.confirm'),
      okText: t('meeting.start'),
      cancelText: t('common.cancel'),
      onOk: () => transition('start'),
    });

  const content: Record<Tab, () => React.ReactNode> = {
    invitation: () => <InvitationTab meeting={meeting} />,
    summary: () => (
      <Suspense fallback={<Skeleton active />}>
        <SummaryTab meetingId={meeting.id} />
      </Suspense>
    ),
    agenda: () => <AgendaTab meeting={meeting} />,
    running: () => <RunningTab meeting={meeting} canRun={meeting.actions.includes('run')} />,
    attendance: () => <AttendanceTab meeting={meeting} />,
    minutes: () => <MinutesTab meeting={meeting} />,
    conclusion: () => <ConclusionTab meeting={meeting} />,
  };

  return (
    <>
      <PageHeader
        title={meeting.title}
        actions={
          <>
            <MeetingActions {...slot} />
            <Button href={`/app/meetings/${meeting.id}/projector`} target="_blank">
              {t('meeting.projector')}
            </Button>
            {meeting.state === 'planned' && meeting.actions.includes('edit') && (
              <Button onClick={() => setEditing(true)}>{t('edit.open')}</Button>
            )}
            {meeting.actions.includes('cancel') && (
              <Button danger onClick={() => (setReason(''), setCancelling(true))}>
                {t('meeting.cancel')}
              </Button>
            )}
            {meeting.actions.includes('start') && (
              <Button type="primary" loading={busy} onClick={start}>
                {t('meeting.start')}
              </Button>
            )}
          </>
        }
      />
      <MeetingFacts meeting={meeting} />
      {meeting.state === 'cancelled' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('meeting.cancelled', { reason: meeting.cancelReason ?? '' })}
        />
      )}
      {meeting.warnings
        .filter((w) => w.code !== 'invitation_late')
        .map((w) => (
          <Alert
            key={w.code}
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={w.message}
          />
        ))}
      <Tabs
        aria-label={t('meeting.tabs')}
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={[
          ...TABS.map((key) => ({
            key,
            label: t(`meeting.tab.${key}`),
            children: key === tab ? content[key]() : null,
          })),
          ...extraTabs.map(({ key, label, Tab: Extra }) => ({
            key,
            label: label[lang],
            children: key === tab ? <Extra {...slot} /> : null,
          })),
        ]}
      />
      {editing && (
        <MeetingDialog
          meeting={meeting}
          onClose={() => setEditing(false)}
          onSaved={(saved) => store('meeting', meeting.id, saved)}
        />
      )}
      <Modal
        open={cancelling}
        title={t('meeting.cancel')}
        okText={t('meeting.cancel')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}
        cancelText={t('common.cancel')}
        onOk={() => void transition('cancel', reason.trim())}
        onCancel={() => setCancelling(false)}
      >
        <label htmlFor="meeting-cancel-reason">{t('meeting.cancel.reason')}</label>
        <Input.TextArea
          id="meeting-cancel-reason"
          rows={3}
          maxLength={5000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
