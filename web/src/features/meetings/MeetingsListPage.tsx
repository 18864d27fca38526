import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Button, DatePicker, Flex, Form, Input, Select, TimePicker, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../api/auth';
import { useUnits } from '../../api/units';
import { FormDialog } from '../../components/FormDialog';
import { foldedLabelSearch, vietnamWallClock } from '../../format';
import { ListPage } from '../../components/ListPage';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { usePeriods } from '../reports/api';
import { PeriodFilter, usePeriodLabel } from '../reports/shared';
import {
  createMeeting,
  fetchMeetingDefaults,
  updateMeeting,
  useMeetingPeople,
  useMeetings,
  useMeetingsRefresh,
  type Meeting,
  type MeetingDefaults,
  type MeetingPerson,
  type MeetingSummary,
} from './api';
import { useMeetingsI18n } from './i18n';
import { MeetingStateTag, formatSpan } from './shared';

/** The meetings of a period and convening unit; the secretariat creates one here. */
export default function MeetingsListPage() {
  const { t } = useMeetingsI18n();
  const user = useCurrentUser();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const periodId = Number(params.get('periodId')) || undefined;
  const unitId = Number(params.get('unitId')) || undefined;
  const meetings = useMeetings({ periodId, unitId });
  const creating = params.get('new') === '1';
  const canCreate = user.roles.some((r) => r.role === 'secretariat');
  const setParam = (name: string, value: number | string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(name);
    else next.set(name, String(value));
    setParams(next);
  };
  return (
    <ListPage<MeetingSummary>
      title={t('list.title')}
      intro={t('list.intro')}
      actions={
        canCreate && (
          <Button type="primary" onClick={() => setParam('new', '1')}>
            {t('list.new')}
          </Button>
        )
      }
      filters={
        <>
          <PeriodFilter
            id="meetings-period"
            value={periodId}
            onChange={(v) => setParam('periodId', v)}
          />
          <label htmlFor="meetings-unit">{t('common.unit')}</label>
          <UnitTreeSelect
            id="meetings-unit"
            units={units.data ?? []}
            value={unitId ?? null}
            allowClear
            style={{ minWidth: 240 }}
            placeholder={t('common.all')}
            onChange={(v) => setParam('unitId', v ?? undefined)}
          />
        </>
      }
      query={meetings}
      rows={meetings.data}
      rowKey="id"
      emptyText={t('list.empty')}
      columns={[
        {
          title: t('list.title.col'),
          dataIndex: 'title',
          render: (title: string, m) => <Link to={`/meetings/${m.id}`}>{title}</Link>,
        },
        { title: t('common.period'), dataIndex: 'periodName' },
        { title: t('common.unit'), dataIndex: 'unitName' },
        {
          title: t('list.startsAt'),
          dataIndex: 'startsAt',
          render: (_: string, m) => formatSpan(m.startsAt, m.plannedEndAt),
        },
        { title: t('list.place'), dataIndex: 'place' },
        {
          title: t('common.state'),
          dataIndex: 'state',
          render: (_: string, m) => <MeetingStateTag state={m.state} />,
        },
      ]}
    >
      {creating && (
        <MeetingDialog initialPeriodId={periodId} onClose={() => setParam('new', undefined)} />
      )}
    </ListPage>
  );
}

interface Values {
  periodId?: number;
  title: string;
  date?: Dayjs;
  start?: Dayjs;
  end?: Dayjs;
  place: string;
  chairAccountId?: number | null;
  secretaryAccountId?: number | null;
  unitIds: number[];
  guests: { name: string; position?: string; organization?: string }[];
}

/** Select options for people, by name with the position; `extra` is kept if not listed. */
function personOptions(people: readonly MeetingPerson[], extra: MeetingPerson | null) {
  const all =
    extra && !people.some((p) => p.accountId === extra.accountId) ? [extra, ...people] : people;
  return all.map((p) => ({
    value: p.accountId,
    label: p.position ? `${p.fullName} — ${p.position}` : p.fullName,
  }));
}

/** A Vietnam wall-clock date and time as an ISO instant (+07:00), whatever the browser's zone. */
function vietnamInstant(date: Dayjs, time: Dayjs): string {
  return `${date.format('YYYY-MM-DD')}T${time.format('HH:mm')}:00+07:00`;
}

/** The Vietnam wall-clock date and time of an ISO instant, as the pickers show them. */
function vietnamParts(iso: string): { date: Dayjs; time: Dayjs } {
  const { date, time } = vietnamWallClock(iso);
  return { date: dayjs(date), time: dayjs(`2000-01-01T${time}`) };
}

/**
 * Plans a new meeting or, given `meeting`, changes a planned one (its period stays). Saving an
 * edit sends the version read, so a change made meanwhile is refused with 409, not overwritten.
 */
export function MeetingDialog({
  initialPeriodId,
  meeting,
  onClose,
  onSaved,
}: {
  initialPeriodId?: number;
  meeting?: Meeting;
  onClose: () => void;
  onSaved?: (meeting: Meeting) => void;
}) {
  const { t } = useMeetingsI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const refresh = useMeetingsRefresh();
  const periods = usePeriods();
  const label = usePeriodLabel();
  const [form] = Form.useForm<Values>();
  const periodId = Form.useWatch('periodId', form);
  const [defaults, setDefaults] = useState<MeetingDefaults | null>(null);
  const open = (periods.data ?? []).filter((p) => p.status === 'open');
  const editing = meeting !== undefined;

  // A period picked: its title, chair and units are proposed (each can be changed).
  useEffect(() => {
    if (!periodId) return;
    let live = true;
    fetchMeetingDefaults(periodId)
      .then((d) => {
        if (!live) return;
        setDefaults(d);
        // An edit keeps what the meeting has; the defaults only give the choices.
        if (editing) return;
        form.setFieldsValue({
          title: d.title,
          chairAccountId: d.chair?.accountId ?? null,
          unitIds: d.units.map((u) => u.unitId),
        });
      })
      .catch(() => live && setDefaults(null));
    return () => {
      live = false;
    };
  }, [periodId, form, editing]);

  // The convening unit's chairs and secretariat; the defaults stay offered while they load.
  const people = useMeetingPeople(defaults?.unitId);
  const chairOptions = personOptions(people.data?.chairs ?? [], defaults?.chair ?? null);
  const secretaryOptions = personOptions(
    people.data?.secretaries ?? [],
    meeting?.secretary ?? { accountId: user.id, fullName: user.fullName, position: null },
  );
  const start = meeting ? vietnamParts(meeting.startsAt) : null;
  const end = meeting ? vietnamParts(meeting.plannedEndAt) : null;
  const fields = (v: Values) => ({
    title: v.title,
    startsAt: v.date && v.start ? vietnamInstant(v.date, v.start) : '',
    plannedEndAt: v.date && v.end ? vietnamInstant(v.date, v.end) : '',
    place: v.place,
    chairAccountId: v.chairAccountId ?? null,
    secretaryAccountId: v.secretaryAccountId ?? null,
    unitIds: v.unitIds,
    guests: v.guests.map((g) => ({
      name: g.name,
      ...(g.position && { position: g.position }),
      ...(g.organization && { organization: g.organization }),
    })),
  });
  return (
    <FormDialog<Values, Meeting>
      title={editing ? t('edit.title') : t('new.title')}
      name={editing ? 'edit-meeting' : 'new-meeting'}
      form={form}
      width={720}
      initialValues={
        meeting
          ? {
              periodId: meeting.periodId,
              title: meeting.title,
              date: start!.date,
              start: start!.time,
              end: end!.time,
              place: meeting.place,
              chairAccountId: meeting.chair?.accountId ?? null,
              secretaryAccountId: meeting.secretary?.accountId ?? null,
              unitIds: meeting.units.map((u) => u.unitId),
              guests: meeting.guests.map((g) => ({
                name: g.name,
                position: g.position,
                organization: g.organization,
              })),
            }
          : {
              periodId: initialPeriodId ?? open[0]?.id,
              start: dayjs('2000-01-01T08:00'),
              end: dayjs('2000-01-01T11:30'),
              secretaryAccountId: user.id,
              unitIds: [],
              guests: [],
            }
      }
      submit={(v) =>
        meeting
          ? updateMeeting(meeting.id, { version: meeting.version, ...fields(v) })
          : createMeeting({ periodId: v.periodId ?? 0, ...fields(v) })
      }
      onSaved={(saved) => {
        void refresh();
        onClose();
        if (editing) {
          void message.success(t('edit.saved'));
          onSaved?.(saved);
          return;
        }
        void message.success(t('new.created', { title: saved.title }));
        void navigate(`/meetings/${saved.id}`);
      }}
      onClose={onClose}
    >
      <Form.Item name="periodId" label={t('common.period')} rules={[{ required: true }]}>
        <Select
          disabled={editing}
          options={
            meeting
              ? [{ value: meeting.periodId, label: meeting.periodName }]
              : open.map((p) => ({ value: p.id, label: label(p) }))
          }
        />
      </Form.Item>
      <Form.Item name="title" label={t('new.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="date" label={t('new.date')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="start" label={t('new.start')} rules={[{ required: true }]}>
          <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} />
        </Form.Item>
        <Form.Item name={'end'} label={t('new.end')} rules={[{ required: true }]}>
          <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="place"
        label={t('new.place')}
        rules={[{ required: true, whitespace: true }]}
        validateFirst
      >
        <Input maxLength={300} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="chairAccountId" label={t('new.chair')} style={{ minWidth: 260 }}>
          <Select
            allowClear
            showSearch={foldedLabelSearch}
            loading={people.isLoading}
            options={chairOptions}
          />
        </Form.Item>
        <Form.Item name="secretaryAccountId" label={t('new.secretary')} style={{ minWidth: 260 }}>
          <Select
            allowClear
            showSearch={foldedLabelSearch}
            loading={people.isLoading}
            options={secretaryOptions}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="unitIds" label={t('new.units')} extra={t('new.unitsHint')}>
        <Select
          mode="multiple"
          options={(defaults?.units ?? []).map((u) => ({ value: u.unitId, label: u.unitName }))}
        />
      </Form.Item>
      <Typography.Text strong>{t('new.guests')}</Typography.Text>
      <Form.List name="guests">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="baseline" wrap>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, whitespace: true }]}
                >
                  <Input
                    aria-label={`${t('common.name')} ${index + 1}`}
                    placeholder={t('common.name')}
                    maxLength={200}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'position']}>
                  <Input
                    aria-label={`${t('common.position')} ${index + 1}`}
                    placeholder={t('common.position')}
                    maxLength={200}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'organization']}>
                  <Input
                    aria-label={`${t('common.organization')} ${index + 1}`}
                    placeholder={t('common.organization')}
                    maxLength={300}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined aria-hidden />}
                  aria-label={`${t('common.remove')} ${index + 1}`}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '' })}>
              {t('new.guest.add')}
            </Button>
          </>
        )}
      </Form.List>
    </FormDialog>
  );
}
