import { useCallback, useEffect, useState } from 'react';
import {
  App,
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Tag,
  Typography,
} from 'antd';
import { FormDialog } from '../../components/FormDialog';
import { useMeetingsI18n } from './i18n';
import {
  addExtraSpeaker,
  speakerAction,
  useMeetingsRefresh,
  type Meeting,
  type RunAction,
} from './api';
import { clockText, countdown, spentSeconds } from './projectorClock';
import { minutesOf } from './timing';
import { useProjectorStream } from './useProjectorStream';
import { TAG_COLORS } from '../reports/shared';

/** The browser's clock, ticking four times a second while `on`. */
function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}

const PHASE_COLOR = { normal: '#1e6b30', warning: '#8a5300', overtime: '#b3261e' } as const;

/** Keys typed into a field are text, not shortcuts. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.getAttribute('role') === 'combobox'
  );
}

/** The secretary's controls while the meeting runs: the speaker's clock, next, pause, extras. */
export function RunningTab({ meeting, canRun }: { meeting: Meeting; canRun: boolean }) {
  const { t } = useMeetingsI18n();
  const { message } = App.useApp();
  // The same stream as the projector's: every change, this laptop's or another's, arrives here.
  const { state, offsetMs } = useProjectorStream(String(meeting.id));
  const refresh = useMeetingsRefresh();
  const now = useNow(Boolean(state?.current)) + offsetMs;
  const clock = state?.current ? countdown(state.current, state.warningSeconds, now) : null;
  const [busy, setBusy] = useState(false);
  const [addingExtra, setAddingExtra] = useState(false);
  const running = meeting.state === 'in_progress';
  const act = useCallback(
    async (action: RunAction) => {
      if (busy || !running || !canRun) return;
      setBusy(true);
      try {
        await speakerAction(meeting.id, action);
        void refresh();
      } catch (error) {
        void message.error(error instanceof Error ? error.message : String(error));
      } finally {
        setBusy(false);
      }
    },
    [busy, running, canRun, meeting.id, refresh, message],
  );
  const current = state?.current ?? null;
  const paused = Boolean(current?.pausedAt);

  // N: next speaker; Space: pause or resume (not while typing in a field).
  useEffect(() => {
    if (!running || !canRun) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target)) return;
      const space = event.key === ' ' || event.code === 'Space';
      if (event.type === 'keyup') {
        // A focused button would take the Space as a click as well.
        if (space) event.preventDefault();
        return;
      }
      if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        void act('next');
      } else if (space) {
        event.preventDefault();
        if (current) void act(paused ? 'resume' : 'pause');
      }
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKey);
    };
  }, [running, canRun, current, paused, act]);

  if (meeting.state === 'planned')
    return <Alert type="info" showIcon title={t('running.notStarted')} />;
  if (!state) return null;
  const totals = state.totals;
  return (
    <Flex vertical gap={12}>
      {running && canRun && (
        <Typography.Text type="secondary">{t('running.shortcuts')}</Typography.Text>
      )}
      <Flex gap={12} wrap align="stretch">
        <Card size="small" title={t('running.current')} style={{ flex: '2 1 420px' }}>
          {current && clock ? (
            <Flex vertical gap={4} aria-live="polite">
              <Typography.Text strong style={{ fontSize: 18 }}>
                {current.speakerName ?? current.title}
              </Typography.Text>
              <Typography.Text>
                {[current.speakerPosition, current.unitName ?? current.title]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
              <Flex align="baseline" gap={12}>
                <span
                  data-testid="countdown"
                  data-phase={clock.phase}
                  style={{
                    fontSize: 56,
                    fontVariantNumeric: 'tabular-nums',
                    fontWeight: 600,
                    color: PHASE_COLOR[clock.phase],
                  }}
                >
                  {clock.text}
                </span>
                <Typography.Text type="secondary">
                  {t('common.minutes', { n: minutesOf(current.plannedSeconds) })}
                </Typography.Text>
              </Flex>
              <Flex gap={8}>
                {paused && <Tag color={TAG_COLORS.grey}>{t('running.paused')}</Tag>}
                {clock.phase === 'warning' && (
                  <Tag color={TAG_COLORS.amber}>{t('running.warning')}</Tag>
                )}
                {clock.phase === 'overtime' && (
                  <Tag color={TAG_COLORS.red}>
                    {t('running.overtime', { time: clock.text.slice(1) })}
                  </Tag>
                )}
              </Flex>
            </Flex>
          ) : (
            <Typography.Paragraph>{t('running.nobody')}</Typography.Paragraph>
          )}
          {running && canRun && (
            <Flex gap={8} wrap style={{ marginTop: 12 }}>
              <Button type="primary" loading={busy} onClick={() => void act('next')}>
                {t('running.next')} (N)
              </Button>
              {current && (
                <Button onClick={() => void act(paused ? 'resume' : 'pause')} disabled={busy}>
                  {paused ? t('running.resume') : t('running.pause')} (Space)
                </Button>
              )}
              {current && (
                <Button onClick={() => void act('stop')} disabled={busy}>
                  {t('running.stop')}
                </Button>
              )}
              <Button onClick={() => setAddingExtra(true)}>{t('running.extra')}</Button>
            </Flex>
          )}
        </Card>
        <Card size="small" title={t('running.upNext')} style={{ flex: '1 1 280px' }}>
          {state.next.length === 0 ? (
            <Typography.Text>{t('running.none')}</Typography.Text>
          ) : (
            <ol aria-label={t('running.upNext')} style={{ paddingLeft: 20, margin: 0 }}>
              {state.next.map((n) => (
                <li key={n.itemId}>
                  <Typography.Text strong>{n.speakerName ?? n.title}</Typography.Text>
                  {n.unitName && <Typography.Text> · {n.unitName}</Typography.Text>}
                  <Typography.Text type="secondary">
                    {' '}
                    · {t('common.minutes', { n: minutesOf(n.plannedSeconds) })}
                  </Typography.Text>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </Flex>
      <Typography.Text data-testid="running-totals">
        {t('running.totals', {
          spent: clockText(spentSeconds(state, now)),
          planned: clockText(totals.plannedSeconds),
          done: totals.done,
          items: totals.items,
        })}
      </Typography.Text>
      {addingExtra && (
        <ExtraSpeakerDialog
          meeting={meeting}
          onClose={() => setAddingExtra(false)}
          onAdded={() => void refresh()}
        />
      )}
    </Flex>
  );
}

interface ExtraValues {
  unitId: number;
  title: string;
  speakerName?: string;
  speakerPosition?: string;
  minutes: number;
}

function ExtraSpeakerDialog({
  meeting,
  onClose,
  onAdded,
}: {
  meeting: Meeting;
  onClose: () => void;
  onAdded: () => void;
}) {
  const { t } = useMeetingsI18n();
  const { message } = App.useApp();
  return (
    <FormDialog<ExtraValues, unknown>
      title={t('running.extra')}
      name="extra-speaker"
      initialValues={{ title: t('running.extra.defaultTitle'), minutes: 3 }}
      submit={(v) =>
        addExtraSpeaker(meeting.id, {
          unitId: v.unitId,
          title: v.title,
          speakerName: v.speakerName ?? null,
          speakerPosition: v.speakerPosition ?? null,
          plannedSeconds: v.minutes * 60,
        })
      }
      onSaved={() => {
        void message.success(t('running.extra.added'));
        onAdded();
        onClose();
      }}
      onClose={onClose}
    >
      <Form.Item name="unitId" label={t('common.unit')} rules={[{ required: true }]}>
        <Select options={meeting.units.map((u) => ({ value: u.unitId, label: u.unitName }))} />
      </Form.Item>
      <Form.Item name="title" label={t('running.extra.title')} rules={[{ required: true }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="speakerName" label={t('agenda.speaker')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="speakerPosition" label={t('agenda.speakerPosition')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="minutes" label={t('agenda.duration')} rules={[{ required: true }]}>
        <InputNumber min={1} max={240} />
      </Form.Item>
    </FormDialog>
  );
}
