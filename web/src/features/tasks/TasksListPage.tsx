import { Typography } from 'antd';

/** The tasks the signed-in person reads (first version: the page is being built). */
export default function TasksListPage() {
  return <Typography.Title level={3}>Nhiệm vụ</Typography.Title>;
}
