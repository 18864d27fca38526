import { useNavigate } from 'react-router-dom';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { chartColors } from '../../theme';
import { taskListPath, type TaskOverview } from './overview.api';

export interface QuarterBar {
  label: string;
  onTime: number;
  late: number;
  row: TaskOverview['quarters'][number];
}

/** Tasks done on time and late per quarter, stacked; a bar opens the list of its tasks. */
export default function OverviewChart({
  data,
  labels,
  title,
}: {
  data: QuarterBar[];
  labels: { onTime: string; late: string };
  title: string;
}) {
  const navigate = useNavigate();
  const open = (kind: 'onTime' | 'late') => (_: unknown, index: number) => {
    const bar = data[index];
    if (bar && bar.row[kind].count > 0) void navigate(taskListPath(bar.row[kind].filter));
  };
  return (
    <div role="img" aria-label={title} style={{ width: '100%', height: 280 }}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={chartColors.grid} />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="onTime"
            name={labels.onTime}
            stackId="done"
            fill={chartColors.target}
            cursor="pointer"
            onClick={open('onTime')}
          />
          <Bar
            dataKey="late"
            name={labels.late}
            stackId="done"
            fill={chartColors.bar}
            cursor="pointer"
            onClick={open('late')}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
