import { useState } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, InputNumber, Skeleton, Tag, Typography } from 'antd';
import { QueryError } from '../../components/QueryError';
import { TAG_COLORS } from '../reports/shared';
import { SortableList } from './AgendaList';
import { saveAgenda, useAgenda, useStore, type Agenda, type AgendaItem, type Meeting } from './api';
import { useMeetingsI18n } from './i18n';
import { usePartSave } from './usePartSave';
import { clockText as formatClock } from './projectorClock';
import { agendaOverrun, minutesOf, moveItem } from './timing';

/** An agenda row as edited here: a saved item (with id) or a new free one (with a local key). */
interface Row {
  key: string;
  id?: number;
  kind: AgendaItem['kind'];
  unitId: number | null;
  unitName: string | null;
  title: string;
  minutes: number | null;
  speakerName: string;
  speakerPosition: string;
  /** The speaker comes from the unit's confirmation, not named on the item. */
  fromConfirmation: boolean;
  extra: boolean;
}

function rowsOf(agenda: Agenda): Row[] {
  return agenda.items.map((i) => ({
    key: `item-${i.id}`,
    id: i.id,
    kind: i.kind,
    unitId: i.unitId,
    unitName: i.unitName,
    title: i.title,
    minutes: minutesOf(i.plannedSeconds),
    speakerName: i.speakerFromConfirmation ? '' : (i.speakerName ?? ''),
    speakerPosition: i.speakerFromConfirmation ? '' : (i.speakerPosition ?? ''),
    fromConfirmation: i.speakerFromConfirmation,
    extra: i.extra,
  }));
}

export function AgendaTab({ meeting }: { meeting: Meeting }) {
  const query = useAgenda(meeting.id);
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  return <AgendaEditor key={query.data.version} agenda={query.data} meeting={meeting} />;
}

let newKeys = 0;

function AgendaEditor({ agenda, meeting }: { agenda: Agenda; meeting: Meeting }) {
  const { t } = useMeetingsI18n();
  const store = useStore();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(agenda));
  const { saving, errors, run } = usePartSave();
  const [newTitle, setNewTitle] = useState('');
  const editable = agenda.actions.includes('edit_agenda') && agenda.state === 'planned';
  const original = JSON.stringify(rowsOf(agenda));
  const dirty = JSON.stringify(rows) !== original;
  const byId = new Map(agenda.items.map((i) => [i.id, i]));
  const { plannedSeconds, overSeconds } = agendaOverrun(
    rows.map((r) => ({ plannedSeconds: (r.minutes ?? 0) * 60 })),
    agenda.meetingSeconds,
  );
  const update = (key: string, change: Partial<Row>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const save = () =>
    run(async () => {
      const saved = await saveAgenda(meeting.id, {
        version: agenda.version,
        items: rows.map((r) => ({
          ...(r.id !== undefined && { id: r.id }),
          kind: r.kind,
          unitId: r.unitId,
          title: r.title,
          plannedSeconds: Math.round((r.minutes ?? 0) * 60),
          speakerName: r.speakerName.trim() || null,
          speakerPosition: r.speakerPosition.trim() || null,
        })),
      });
      store('agenda', meeting.id, saved);
    }, t('agenda.saved'));

  const addFree = () => {
    const title = newTitle.trim();
    if (!title) return;
    setRows((list) => [
      ...list,
      {
        key: `new-${++newKeys}`,
        kind: 'free',
        unitId: null,
        unitName: null,
        title,
        minutes: 10,
        speakerName: '',
        speakerPosition: '',
        fromConfirmation: false,
        extra: false,
      },
    ]);
    setNewTitle('');
  };

  const fieldError = (index: number, field: string) =>
    errors[`items.${index}.${field}`] ??
    (field === 'plannedSeconds' ? errors[`items.${index}`] : undefined);

  return (
    <Card
      size="small"
      title={t('agenda.title')}
      extra={
        editable && (
          <Button
            type={dirty ? 'primary' : 'default'}
            loading={saving}
            disabled={!dirty}
            onClick={() => void save()}
          >
            {t('common.save')}
          </Button>
        )
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text data-testid="agenda-total">
          {t('agenda.total', {
            planned: formatClock(plannedSeconds),
            length: formatClock(agenda.meetingSeconds),
          })}
        </Typography.Text>
        {overSeconds > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('agenda.over', { over: formatClock(overSeconds) })}
          />
        )}
        {!editable && agenda.state !== 'planned' && (
          <Alert type="info" showIcon title={t('agenda.locked')} />
        )}
        <SortableList
          label={t('agenda.title')}
          items={rows}
          keyOf={(r) => r.key}
          titleOf={(r) => r.title}
          onMove={editable ? (from, to) => setRows((list) => moveItem(list, from, to)) : undefined}
          render={(r, index) => {
            const item = r.id !== undefined ? byId.get(r.id) : undefined;
            const speakerPlaceholder = r.fromConfirmation ? (item?.speakerName ?? '') : '';
            return (
              <Flex gap={8} align="center" wrap>
                <div style={{ flex: '1 1 220px', minWidth: 180 }}>
                  <Typography.Text strong>{r.title}</Typography.Text>
                  {r.unitName && r.unitName !== r.title && (
                    <Typography.Text type="secondary"> · {r.unitName}</Typography.Text>
                  )}
                  {r.extra && (
                    <Tag color={TAG_COLORS.blue} style={{ marginLeft: 6 }}>
                      {t('agenda.extra')}
                    </Tag>
                  )}
                  {item && item.status !== 'pending' && (
                    <Tag color={TAG_COLORS.grey} style={{ marginLeft: 6 }}>
                      {item.status === 'done' ? t('running.done') : t('running.current')}
                    </Tag>
                  )}
                </div>
                {editable ? (
                  <>
                    <Input
                      aria-label={t('agenda.speakerOf', { title: r.title })}
                      placeholder={speakerPlaceholder || t('agenda.speaker')}
                      value={r.speakerName}
                      maxLength={200}
                      style={{ width: 190 }}
                      onChange={(e) => update(r.key, { speakerName: e.target.value })}
                    />
                    <Input
                      aria-label={`${t('agenda.speakerPosition')}: ${r.title}`}
                      placeholder={t('common.position')}
                      value={r.speakerPosition}
                      maxLength={200}
                      style={{ width: 160 }}
                      onChange={(e) => update(r.key, { speakerPosition: e.target.value })}
                    />
                    <Flex vertical>
                      <InputNumber
                        aria-label={t('agenda.durationOf', { title: r.title })}
                        min={1}
                        max={480}
                        value={r.minutes}
                        status={fieldError(index, 'plannedSeconds') ? 'error' : undefined}
                        style={{ width: 90 }}
                        suffix={t('common.minutes', { n: '' }).trim()}
                        onChange={(v) => update(r.key, { minutes: v })}
                      />
                      {fieldError(index, 'plannedSeconds') && (
                        <Typography.Text type="danger">
                          {fieldError(index, 'plannedSeconds')}
                        </Typography.Text>
                      )}
                    </Flex>
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('agenda.removeOf', { title: r.title })}
                      onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}
                    />
                  </>
                ) : (
                  <Typography.Text>
                    {[item?.speakerName, item?.speakerPosition].filter(Boolean).join(', ')} ·{' '}
                    {t('common.minutes', { n: r.minutes ?? 0 })}
                  </Typography.Text>
                )}
              </Flex>
            );
          }}
        />
        {editable && (
          <Flex gap={8} align="center" wrap>
            <label htmlFor="agenda-new-title">{t('agenda.free.title')}</label>
            <Input
              id="agenda-new-title"
              style={{ width: 260 }}
              value={newTitle}
              maxLength={300}
              onChange={(e) => setNewTitle(e.target.value)}
              onPressEnter={addFree}
            />
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={addFree}
              disabled={!newTitle.trim()}
            >
              {t('agenda.addFree')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
