import { Link, useSearchParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { Button, Checkbox, DatePicker, Flex, Select, Tag, Typography } from 'antd';
import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../api/auth';
import { useUnits } from '../../api/units';
import { ListPage, PAGE_SIZE } from '../../components/ListPage';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { taskQueryString, useTasks, type TaskQuery, type TaskState, type TaskSummary } from './api';
import { useTasksI18n } from './i18n';
import { DueTag, TASK_STATE_LIST, TaskStateTag, formatDay } from './shared';
import { OverviewFilterTag } from './OverviewFilterTag';
import { TaskDialog } from './TaskDialog';
import { overviewFiltersOf } from './taskListUrl';

/** The list's filters, read from the URL with the API's names (links from elsewhere set them). */
export function queryFromParams(params: URLSearchParams): TaskQuery {
  const num = (name: string) => Number(params.get(name)) || undefined;
  const flag = (name: string) => ['1', 'true'].includes(params.get(name) ?? '') || undefined;
  const day = (name: string) => {
    const v = params.get(name);
    return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
  };
  const states = params
    .getAll('state')
    .filter((s): s is TaskState => (TASK_STATE_LIST as string[]).includes(s));
  return {
    unitId: num('unitId'),
    state: states.length > 0 ? states : undefined,
    meetingId: num('meetingId'),
    overdue: flag('overdue'),
    dueSoon: flag('dueSoon'),
    deadlineFrom: day('deadlineFrom'),
    deadlineTo: day('deadlineTo'),
    ...overviewFiltersOf(params),
    page: num('page') ?? 1,
    pageSize: PAGE_SIZE,
  };
}

/** The tasks the signed-in person reads, filtered from the URL, with the Excel export. */
export default function TasksListPage() {
  const { t } = useTasksI18n();
  const user = useCurrentUser();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const tasks = useTasks(query);
  const manages = user.roles.some((r) => r.role === 'secretariat');
  const follows = manages || user.roles.some((r) => r.role === 'chair');
  const creating = params.get('new') === '1';
  const set = (changes: Record<string, string | string[] | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      next.delete(name);
      for (const v of Array.isArray(value) ? value : value ? [value] : []) next.append(name, v);
    }
    if (!keepPage) next.delete('page');
    setParams(next);
  };
  const { page: _page, pageSize: _size, ...filters } = query;
  return (
    <ListPage<TaskSummary>
      title={t('list.title')}
      intro={t('list.intro')}
      actions={
        <Flex gap={8} wrap>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            href={`/api/v1/tasks/export.xlsx${taskQueryString(filters)}`}
          >
            {t('list.excel')}
          </Button>
          {follows && (
            <Link to="/tasks/settings">
              <Button icon={<SettingOutlined aria-hidden />}>{t('list.settings')}</Button>
            </Link>
          )}
          {manages && (
            <Button type="primary" onClick={() => set({ new: '1' }, true)}>
              {t('list.new')}
            </Button>
          )}
        </Flex>
      }
      filters={
        <>
          <label htmlFor="tasks-unit">{t('list.filter.unit')}</label>
          <UnitTreeSelect
            id="tasks-unit"
            units={units.data ?? []}
            value={query.unitId ?? null}
            allowClear
            style={{ minWidth: 220 }}
            placeholder={t('common.all')}
            onChange={(v) => set({ unitId: v ? String(v) : undefined })}
          />
          <label htmlFor="tasks-state">{t('list.filter.state')}</label>
          <Select<TaskState[]>
            id="tasks-state"
            mode="multiple"
            allowClear
            style={{ minWidth: 220 }}
            placeholder={t('common.all')}
            value={query.state ?? []}
            options={TASK_STATE_LIST.map((s) => ({ value: s, label: t(`state.${s}`) }))}
            onChange={(v) => set({ state: v })}
          />
          <DatePicker.RangePicker
            aria-label={t('list.filter.deadline')}
            format="DD/MM/YYYY"
            value={[
              query.deadlineFrom ? dayjs(query.deadlineFrom) : null,
              query.deadlineTo ? dayjs(query.deadlineTo) : null,
            ]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              set({
                deadlineFrom: range?.[0]?.format('YYYY-MM-DD'),
                deadlineTo: range?.[1]?.format('YYYY-MM-DD'),
              })
            }
          />
          <Checkbox
            checked={query.overdue ?? false}
            onChange={(e) => set({ overdue: e.target.checked ? '1' : undefined })}
          >
            {t('list.filter.overdue')}
          </Checkbox>
          <Checkbox
            checked={query.dueSoon ?? false}
            onChange={(e) => set({ dueSoon: e.target.checked ? '1' : undefined })}
          >
            {t('list.filter.dueSoon')}
          </Checkbox>
          <OverviewFilterTag
            params={params}
            onClear={(names) => set(Object.fromEntries(names.map((n) => [n, undefined])))}
          />
          {query.meetingId && (
            <Tag
              closable
              closeIcon={<span aria-label={t('list.filter.clearMeeting')}>×</span>}
              onClose={() => set({ meetingId: undefined })}
            >
              {t('list.filter.meeting', { id: query.meetingId })}
            </Tag>
          )}
        </>
      }
      query={tasks}
      rows={tasks.data?.items}
      rowKey="id"
      emptyText={t('list.empty')}
      paging={{
        page: query.page ?? 1,
        pageSize: PAGE_SIZE,
        total: tasks.data?.total ?? 0,
        onChange: (page) => set({ page: String(page) }, true),
      }}
      scrollX={900}
      columns={[
        {
          title: t('list.task'),
          dataIndex: 'title',
          render: (title: string, task) => (
            <Flex vertical gap={2}>
              <Link to={`/tasks/${task.id}`}>{title}</Link>
              <Typography.Text type="secondary">{task.unitName}</Typography.Text>
            </Flex>
          ),
        },
        {
          title: t('list.lead'),
          key: 'lead',
          render: (_: unknown, task) => task.leadUnit.unitName,
        },
        {
          title: t('list.coordinating'),
          key: 'coordinating',
          render: (_: unknown, task) => task.coordinatingUnits.map((u) => u.unitName).join(', '),
        },
        {
          title: t('list.deadline'),
          dataIndex: 'deadline',
          render: (day: string, task) => (
            <Flex gap={4} wrap>
              {formatDay(day)}
              <DueTag task={task} />
            </Flex>
          ),
        },
        {
          title: t('common.state'),
          dataIndex: 'state',
          render: (state: TaskState) => <TaskStateTag state={state} />,
        },
      ]}
    >
      {creating && <TaskDialog onClose={() => set({ new: undefined }, true)} />}
    </ListPage>
  );
}
