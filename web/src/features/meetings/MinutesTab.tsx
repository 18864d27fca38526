import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Input, Row, Skeleton, Typography } from 'antd';
import { api, isApiError } from '../../api';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../format';
import { meetingsKey, saveMinutes, useMinutes, type Meeting, type Minutes } from './api';
import { useMeetingsI18n } from './i18n';
import { formatSpan } from './shared';

/** What the secretary writes: one text per agenda item (by its id) and the closing part. */
export interface MinutesText {
  speeches: Record<string, string>;
  closing: string;
}

const AUTOSAVE_MS = 1200;

function textOf(m: Minutes): MinutesText {
  return { speeches: { ...m.speeches }, closing: m.closing };
}

function sameText(a: MinutesText, b: MinutesText): boolean {
  if (a.closing !== b.closing) return false;
  const keys = new Set([...Object.keys(a.speeches), ...Object.keys(b.speeches)]);
  return [...keys].every((k) => (a.speeches[k] ?? '') === (b.speeches[k] ?? ''));
}

export function MinutesTab({ meeting, canWrite }: { meeting: Meeting; canWrite: boolean }) {
  const query = useMinutes(meeting.id);
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  return <MinutesEditor meeting={meeting} minutes={query.data} canWrite={canWrite} />;
}

function MinutesEditor({
  meeting,
  minutes,
  canWrite,
}: {
  meeting: Meeting;
  minutes: Minutes;
  canWrite: boolean;
}) {
  const { t } = useMeetingsI18n();
  const queryClient = useQueryClient();
  const editable = canWrite && !minutes.locked && meeting.state !== 'concluded';
  const [text, setText] = useState<MinutesText>(() => textOf(minutes));
  const [saved, setSaved] = useState<{ text: MinutesText; version: number; at: string | null }>(
    () => ({ text: textOf(minutes), version: minutes.version, at: minutes.updatedAt }),
  );
  const [conflict, setConflict] = useState<Minutes | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const dirty = !sameText(text, saved.text);
  const latest = useRef(text);
  latest.current = text;

  const save = async (version: number) => {
    const sending = latest.current;
    setSaving(true);
    try {
      const result = await saveMinutes(meeting.id, { version, ...sending });
      queryClient.setQueryData([...meetingsKey, 'minutes', meeting.id], result);
      setSaved({ text: sending, version: result.version, at: result.updatedAt });
      setFailure(null);
    } catch (error) {
      if (isApiError(error, 409, 'conflict')) {
        setConflict(await api.get<Minutes>(`/meetings/${meeting.id}/minutes`));
      } else {
        setFailure(error instanceof Error ? error.message : String(error));
      }
    } finally {
      setSaving(false);
    }
  };

  // Autosave a moment after the typing stops; never over a conflict the user has not settled.
  useEffect(() => {
    if (!editable || !dirty || conflict || saving) return;
    const timer = setTimeout(() => void save(saved.version), AUTOSAVE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, editable, dirty, conflict, saving, saved.version]);

  const setSpeech = (itemId: number, value: string) =>
    setText((x) => ({ ...x, speeches: { ...x.speeches, [String(itemId)]: value } }));

  const present = meeting.units.filter(
    (u) => u.attendance === 'present' || u.attendance === 'delegate',
  );
  const absent = meeting.units.filter((u) => u.attendance === 'absent');
  const attendeeOf = (u: Meeting['units'][number]) =>
    u.attendance === 'delegate' && u.attendanceName
      ? `${u.unitName} (${[u.attendanceName, u.attendancePosition].filter(Boolean).join(', ')})`
      : u.unitName;

  return (
    <Flex vertical gap={12}>
      {!editable && meeting.state === 'concluded' && (
        <Alert type="info" showIcon title={t('minutes.locked')} />
      )}
      {conflict && (
        <MinutesConflict
          meeting={meeting}
          mine={text}
          server={conflict}
          onKeepMine={() => {
            setSaved((s) => ({ ...s, version: conflict.version }));
            setConflict(null);
            void save(conflict.version);
          }}
          onTakeTheirs={() => {
            const theirs = textOf(conflict);
            setText(theirs);
            setSaved({ text: theirs, version: conflict.version, at: conflict.updatedAt });
            setConflict(null);
          }}
        />
      )}
      {failure && <Alert type="error" showIcon role="alert" title={failure} />}
      <Card size="small" title={t('minutes.header')}>
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('minutes.time', {
            time: formatSpan(meeting.startedAt ?? meeting.startsAt, meeting.plannedEndAt),
          })}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('minutes.place', { place: meeting.place })}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('minutes.chair', { name: meeting.chairName ?? '—' })}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('minutes.secretary', { name: meeting.secretaryName ?? '—' })}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('minutes.attendance', {
            list:
              [
                ...present.map(attendeeOf),
                ...meeting.guests.filter((g) => g.present).map((g) => g.name),
              ].join('; ') || '—',
          })}
        </Typography.Paragraph>
        {absent.length > 0 && (
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {t('minutes.absent', {
              list: absent
                .map((u) => (u.absenceReason ? `${u.unitName} (${u.absenceReason})` : u.unitName))
                .join('; '),
            })}
          </Typography.Paragraph>
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
        {meeting.agenda.map((item, i) => {
          const id = `minutes-speech-${item.id}`;
          return (
            <div key={item.id} style={{ marginBottom: 12 }}>
              <label htmlFor={id}>
                <Typography.Text strong>
                  {i + 1}. {speakerLabel(item)}
                </Typography.Text>
              </label>
              {editable ? (
                <Input.TextArea
                  id={id}
                  autoSize={{ minRows: 2, maxRows: 12 }}
                  value={text.speeches[String(item.id)] ?? ''}
                  onChange={(e) => setSpeech(item.id, e.target.value)}
                />
              ) : (
                <Typography.Paragraph id={id} style={{ whiteSpace: 'pre-wrap' }}>
                  {text.speeches[String(item.id)] || '—'}
                </Typography.Paragraph>
              )}
            </div>
          );
        })}
        <label htmlFor="minutes-closing">
          <Typography.Text strong>{t('minutes.closing')}</Typography.Text>
        </label>
        {editable ? (
          <Input.TextArea
            id="minutes-closing"
            autoSize={{ minRows: 3, maxRows: 16 }}
            value={text.closing}
            onChange={(e) => setText((x) => ({ ...x, closing: e.target.value }))}
          />
        ) : (
          <Typography.Paragraph id="minutes-closing" style={{ whiteSpace: 'pre-wrap' }}>
            {text.closing || '—'}
          </Typography.Paragraph>
        )}
      </Card>
    </Flex>
  );
}

/** "Title – Speaker, position (unit)" for an agenda item in the minutes. */
export function speakerLabel(item: Meeting['agenda'][number]): string {
  const who = [item.speakerName, item.speakerPosition].filter(Boolean).join(', ');
  const unit = item.unitName && item.unitName !== item.title ? ` (${item.unitName})` : '';
  return who ? `${item.title} – ${who}${unit}` : `${item.title}${unit}`;
}

/** A save refused with 409: the server's text beside the user's, field by field; nothing lost. */
function MinutesConflict({
  meeting,
  mine,
  server,
  onKeepMine,
  onTakeTheirs,
}: {
  meeting: Meeting;
  mine: MinutesText;
  server: Minutes;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useMeetingsI18n();
  const fields = [
    ...meeting.agenda.map((item) => ({
      key: String(item.id),
      title: speakerLabel(item),
      theirs: server.speeches[String(item.id)] ?? '',
      mine: mine.speeches[String(item.id)] ?? '',
    })),
    { key: 'closing', title: t('minutes.closing'), theirs: server.closing, mine: mine.closing },
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
                  <Typography.Paragraph
                    data-testid="conflict-theirs"
                    style={{ whiteSpace: 'pre-wrap' }}
                  >
                    {f.theirs || '—'}
                  </Typography.Paragraph>
                </Col>
                <Col span={12}>
                  <Typography.Text type="secondary">{t('minutes.conflict.mine')}</Typography.Text>
                  <Typography.Paragraph
                    data-testid="conflict-mine"
                    style={{ whiteSpace: 'pre-wrap' }}
                  >
                    {f.mine || '—'}
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
