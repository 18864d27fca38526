import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Select,
  Skeleton,
  Table,
  Typography,
} from 'antd';
import { QueryError } from '../../components/QueryError';
import {
  saveAttendance,
  useAttendance,
  useStore,
  type Attendance,
  type AttendanceKind,
  type AttendanceUnit,
  type Meeting,
} from './api';
import { useMeetingsI18n } from './i18n';
import { usePartSave } from './usePartSave';

const KINDS: AttendanceKind[] = ['unknown', 'present', 'delegate', 'absent'];

export function AttendanceTab({ meeting }: { meeting: Meeting }) {
  const query = useAttendance(meeting.id);
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  return <AttendanceEditor key={query.data.version} attendance={query.data} />;
}

function AttendanceEditor({ attendance }: { attendance: Attendance }) {
  const { t } = useMeetingsI18n();
  const store = useStore();
  const [units, setUnits] = useState<AttendanceUnit[]>(attendance.units);
  const [guests, setGuests] = useState(attendance.guests);
  const { saving, errors, run } = usePartSave();
  const editable = attendance.actions.includes('edit_attendance') && !attendance.locked;
  const dirty =
    JSON.stringify(units) !== JSON.stringify(attendance.units) ||
    JSON.stringify(guests) !== JSON.stringify(attendance.guests);
  const set = (unitId: number, change: Partial<AttendanceUnit>) =>
    setUnits((list) => list.map((u) => (u.unitId === unitId ? { ...u, ...change } : u)));
  const count = (k: AttendanceKind) => units.filter((u) => u.attendance === k).length;

  const save = () =>
    run(async () => {
      const saved = await saveAttendance(attendance.meetingId, {
        version: attendance.version,
        units: units.map((u) => ({
          unitId: u.unitId,
          attendance: u.attendance,
          name: u.attendance === 'delegate' || u.attendance === 'present' ? u.name : null,
          position: u.attendance === 'delegate' || u.attendance === 'present' ? u.position : null,
          reason: u.attendance === 'absent' ? u.absenceReason : null,
        })),
        guests: guests.map((g) => ({ id: g.id, present: g.present })),
      });
      store('attendance', attendance.meetingId, saved);
    }, t('attendance.saved'));

  const errorOf = (index: number) =>
    Object.entries(errors).find(([k]) => k.startsWith(`units.${index}`))?.[1];

  return (
    <Card
      size="small"
      title={t('attendance.title')}
      extra={
        editable && (
          <Button
            type={dirty ? 'primary' : 'default'}
            disabled={!dirty}
            loading={saving}
            onClick={() => void save()}
          >
            {t('common.save')}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text strong data-testid="attendance-totals" aria-live="polite">
          {t('attendance.totals', {
            present: count('present'),
            delegate: count('delegate'),
            absent: count('absent'),
            unknown: count('unknown'),
            guests: guests.filter((g) => g.present).length,
            guestsAll: guests.length,
          })}
        </Typography.Text>
        {attendance.locked && <Alert type="info" showIcon title={t('common.readOnly')} />}
        <Table<AttendanceUnit>
          size="small"
          rowKey="unitId"
          pagination={false}
          dataSource={units}
          columns={[
            { title: t('common.unit'), dataIndex: 'unitName' },
            {
              title: t('invitation.attendee'),
              render: (_: unknown, u) =>
                u.response === 'confirmed'
                  ? [u.attendeeName, u.attendeePosition].filter(Boolean).join(', ')
                  : t(`response.${u.response}`),
            },
            {
              title: t('attendance.title'),
              render: (_: unknown, u, index) => (
                <Flex vertical gap={4}>
                  <Select<AttendanceKind>
                    aria-label={t('attendance.of', { unit: u.unitName })}
                    value={u.attendance}
                    disabled={!editable}
                    style={{ width: 180 }}
                    options={KINDS.map((k) => ({ value: k, label: t(`attendance.${k}`) }))}
                    onChange={(v) =>
                      set(u.unitId, {
                        attendance: v,
                        // A delegate named at the invitation is the one expected at the door.
                        ...(v === 'delegate' &&
                          !u.name && { name: u.attendeeName, position: u.attendeePosition }),
                      })
                    }
                  />
                  {errorOf(index) && (
                    <Typography.Text type="danger">{errorOf(index)}</Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              title: `${t('attendance.delegateName')} / ${t('attendance.reason')}`,
              render: (_: unknown, u) =>
                u.attendance === 'delegate' ? (
                  <Flex gap={4} wrap>
                    <Input
                      aria-label={t('attendance.delegateNameOf', { unit: u.unitName })}
                      placeholder={t('common.name')}
                      value={u.name ?? ''}
                      disabled={!editable}
                      maxLength={200}
                      style={{ width: 180 }}
                      onChange={(e) => set(u.unitId, { name: e.target.value })}
                    />
                    <Input
                      aria-label={t('attendance.delegatePositionOf', { unit: u.unitName })}
                      placeholder={t('common.position')}
                      value={u.position ?? ''}
                      disabled={!editable}
                      maxLength={200}
                      style={{ width: 160 }}
                      onChange={(e) => set(u.unitId, { position: e.target.value })}
                    />
                  </Flex>
                ) : u.attendance === 'absent' ? (
                  <Input
                    aria-label={t('attendance.reasonOf', { unit: u.unitName })}
                    placeholder={t('attendance.reason')}
                    value={u.absenceReason ?? ''}
                    disabled={!editable}
                    maxLength={5000}
                    style={{ width: 300 }}
                    onChange={(e) => set(u.unitId, { absenceReason: e.target.value })}
                  />
                ) : (
                  [u.name, u.position].filter(Boolean).join(', ')
                ),
            },
          ]}
        />
        {guests.length > 0 && (
          <>
            <Typography.Text strong>{t('invitation.guests')}</Typography.Text>
            <Flex vertical gap={4}>
              {guests.map((g) => (
                <Checkbox
                  key={g.id}
                  checked={g.present}
                  disabled={!editable}
                  onChange={(e) =>
                    setGuests((list) =>
                      list.map((x) => (x.id === g.id ? { ...x, present: e.target.checked } : x)),
                    )
                  }
                >
                  {[g.name, g.position, g.organization].filter(Boolean).join(', ')}
                </Checkbox>
              ))}
            </Flex>
          </>
        )}
      </Flex>
    </Card>
  );
}
