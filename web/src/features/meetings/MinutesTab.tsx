import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { api, isApiError } from '../../api';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../format';
import { plainText } from '../reports/content';
import { SectionEditor } from '../reports/SectionEditor';
import {
  saveMinutes,
  useMinutes,
  useStore,
  type AgendaItem,
  type Meeting,
  type Minutes,
} from './api';
import { useMeetingsI18n } from './i18n';
import { formatSpan } from './shared';

/** What the secretary writes: one text per agenda item (by its id) and the closing part. */
interface MinutesText {
  speeches: Record<number, string>;
  closing: string;
}

const AUTOSAVE_MS = 1000;

function textOf(m: Minutes): MinutesText {
  return {
    speeches: Object.fromEntries(m.speeches.map((s) => [s.itemId, s.html])),
    closing: m.closing,
  };
}

/** The items whose text differs between two versions. */
function changedItems(a: MinutesText, b: MinutesText): number[] {
  const ids = new Set([...Object.keys(a.speeches), ...Object.keys(b.speeches)].map(Number));
  return [...ids].filter((id) => (a.speeches[id] ?? '') !== (b.speeches[id] ?? ''));
}

function sameText(a: MinutesText, b: MinutesText): boolean {
  return a.closing === b.closing && changedItems(a, b).length === 0;
}

export function MinutesTab({ meeting }: { meeting: Meeting }) {
  const query = useMinutes(meeting.id);
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  return <MinutesEditor key={meeting.id} minutes={query.data} />;
}

/** "Title – Speaker, position (unit)" for an agenda item in the minutes. */
export function speakerLabel(item: AgendaItem): string {
  const who = [item.speakerName, item.speakerPosition].filter(Boolean).join(', ');
  const unit = item.unitName && item.unitName !== item.title ? ` (${item.unitName})` : '';
  return who ? `${item.title} – ${who}${unit}` : `${item.title}${unit}`;
}

function MinutesEditor({ minutes }: { minutes: Minutes }) {
  const { t } = useMeetingsI18n();
  const store = useStore();
  const editable = minutes.actions.includes('edit_minutes') && !minutes.locked;
  const [text, setText] = useState<MinutesText>(() => textOf(minutes));
  const [saved, setSaved] = useState(() => ({
    text: textOf(minutes),
    version: minutes.version,
    at: minutes.updatedAt,
  }));
  const [conflict, setConflict] = useState<Minutes | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const dirty = !sameText(text, saved.text);
  const latest = useRef(text);
  useEffect(() => {
    latest.current = text;
  }, [text]);
  const { prefill } = minutes;

  const save = async (version: number, base: MinutesText) => {
    const sending = latest.current;
    setSaving(true);
    try {
      const result = await saveMinutes(minutes.meetingId, {
        version,
        speeches: changedItems(sending, base).map((itemId) => ({
          itemId,
          html: sending.speeches[itemId] ?? '',
        })),
        ...(sending.closing !== base.closing && { closing: sending.closing }),
      });
      store('minutes', minutes.meetingId, result);
      setSaved({ text: sending, version: result.version, at: result.updatedAt });
      setFailure(null);
    } catch (error) {
      if (isApiError(error, 409, 'conflict')) {
        setConflict(await api.get<Minutes>(`/meetings/${minutes.meetingId}/minutes`));
      } else {
        setFailure(error instanceof Error ? error.message : String(error));
      }
    } finally {
      setSaving(false);
    }
  };

  // Autosave a moment after the typing stops; never over a conflict the user has not settled.
  useEffect(() => {
    if (!editable || !dirty || conflict || saving || failure) return;
    const timer = setTimeout(() => void save(saved.version, saved.text), AUTOSAVE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, editable, dirty, conflict, saving, failure, saved]);

  const units = prefill.attendance.units;
  const present = units.filter((u) => u.attendance === 'present' || u.attendance === 'delegate');
  const absent = units.filter((u) => u.attendance === 'absent');
  const attendee = (u: (typeof units)[number]) => {
    const who = [u.name, u.position].filter(Boolean).join(', ');
    return who ? `${u.unitName} (${who})` : u.unitName;
  };
  const guests = prefill.attendance.guests.filter((g) => g.present);
  const line = (s: string) => (
    <Typography.Paragraph style={{ marginBottom: 4 }}>{s}</Typography.Paragraph>
  );

  return (
    <Flex vertical gap={12}>
      {minutes.locked && <Alert type="info" showIcon title={t('minutes.locked')} />}
      {conflict && (
        <MinutesConflict
          agenda={prefill.agenda}
          mine={text}
          server={conflict}
          onKeepMine={() => {
            // My edits (against what I had read) laid over the newer version, then saved.
            const base = textOf(conflict);
            const merged: MinutesText = {
              speeches: { ...base.speeches },
              closing: text.closing !== saved.text.closing ? text.closing : base.closing,
            };
            for (const id of changedItems(text, saved.text))
              merged.speeches[id] = text.speeches[id] ?? '';
            latest.current = merged;
            setText(merged);
            setSaved({ text: base, version: conflict.version, at: conflict.updatedAt });
            setConflict(null);
            void save(conflict.version, base);
          }}
          onTakeTheirs={() => {
            const theirs = textOf(conflict);
            setText(theirs);
            setSaved({ text: theirs, version: conflict.version, at: conflict.updatedAt });
            setConflict(null);
          }}
        />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failure}
          action={
            <Button size="small" onClick={() => setFailure(null)}>
              {t('common.save')}
            </Button>
          }
        />
      )}
      <Card size="small" title={t('minutes.header')}>
        {line(
          t('minutes.time', {
            // Once held, when it began (and ended); before, when it is planned.
            time: prefill.startedAt
              ? formatSpan(prefill.startedAt, prefill.endedAt)
              : formatSpan(prefill.startsAt, prefill.plannedEndAt),
          }),
        )}
        {line(t('minutes.place', { place: prefill.place }))}
        {line(t('minutes.chair', { name: personOf(prefill.chair) }))}
        {line(t('minutes.secretary', { name: personOf(prefill.secretary) }))}
        {line(
          t('minutes.attendance', {
            list: [...present.map(attendee), ...guests.map((g) => personLine(g))].join('; ') || '—',
          }),
        )}
        {absent.length > 0 &&
          line(
            t('minutes.absent', {
              list: absent
                .map((u) => (u.absenceReason ? `${u.unitName} (${u.absenceReason})` : u.unitName))
                .join('; '),
            }),
          )}
      </Card>
      <Card
        size="small"
        title={t('minutes.agenda')}
        extra={
          editable && (
            <Typography.Text type={dirty ? 'warning' : 'secondary'} aria-live="polite">
              {saving
                ? t('minutes.saving')
                : dirty
                  ? t('minutes.unsaved')
                  : saved.at
                    ? t('minutes.savedAt', { version: saved.version, at: formatDateTime(saved.at) })
                    : t('minutes.autosave')}
            </Typography.Text>
          )
        }
      >
        {prefill.agenda.map((item, i) => (
          <div key={item.id} style={{ marginBottom: 12 }}>
            <Typography.Text strong>
              {i + 1}. {speakerLabel(item)}
            </Typography.Text>
            <SectionEditor
              label={t('minutes.speech', { title: speakerLabel(item) })}
              html={text.speeches[item.id] ?? ''}
              editable={editable}
              onChange={(html) =>
                setText((x) => ({ ...x, speeches: { ...x.speeches, [item.id]: html } }))
              }
            />
          </div>
        ))}
        <Typography.Text strong>{t('minutes.closing')}</Typography.Text>
        <SectionEditor
          label={t('minutes.closing')}
          html={text.closing}
          editable={editable}
          onChange={(html) => setText((x) => ({ ...x, closing: html }))}
        />
      </Card>
    </Flex>
  );
}

function personOf(p: { fullName: string; position: string | null } | null): string {
  return p ? [p.fullName, p.position].filter(Boolean).join(', ') : '—';
}

function personLine(g: { name: string; position: string; organization: string }): string {
  return [g.name, g.position, g.organization].filter(Boolean).join(', ');
}

/** A save refused with 409: the server's text beside the user's, item by item; nothing lost. */
function MinutesConflict({
  agenda,
  mine,
  server,
  onKeepMine,
  onTakeTheirs,
}: {
  agenda: AgendaItem[];
  mine: MinutesText;
  server: Minutes;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useMeetingsI18n();
  const theirs = textOf(server);
  const fields = [
    ...agenda.map((item) => ({
      key: String(item.id),
      title: speakerLabel(item),
      theirs: theirs.speeches[item.id] ?? '',
      mine: mine.speeches[item.id] ?? '',
    })),
    { key: 'closing', title: t('minutes.closing'), theirs: theirs.closing, mine: mine.closing },
  ].filter((f) => f.theirs !== f.mine);
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t('minutes.conflict', { version: server.version })}
      description={
        <>
          <Typography.Paragraph>{t('minutes.conflict.intro')}</Typography.Paragraph>
          {fields.map((f) => (
            <div key={f.key} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{f.title}</Typography.Text>
              <Row gutter={12}>
                <Col span={12}>
                  <Typography.Text type="secondary">{t('minutes.conflict.theirs')}</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                    {plainText(f.theirs) || '—'}
                  </Typography.Paragraph>
                </Col>
                <Col span={12}>
                  <Typography.Text type="secondary">{t('minutes.conflict.mine')}</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                    {plainText(f.mine) || '—'}
                  </Typography.Paragraph>
                </Col>
              </Row>
            </div>
          ))}
          <Flex gap={8}>
            <Button size="small" type="primary" onClick={onKeepMine}>
              {t('minutes.conflict.keepMine')}
            </Button>
            <Button size="small" onClick={onTakeTheirs}>
              {t('minutes.conflict.takeTheirs')}
            </Button>
          </Flex>
        </>
      }
    />
  );
}
