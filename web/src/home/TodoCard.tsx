import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';

export interface TodoItem {
  key: string | number;
  /** The page the item is done on: the item's title links there. */
  to: string;
  title: ReactNode;
  /** Tags and dates beside the title. */
  meta?: ReactNode;
  /** A line under it: a reason, a message. */
  detail?: ReactNode;
  /** Overdue: marked in red. */
  danger?: boolean;
}

/**
 * One card of the home page: a heading with how many things it holds (`count`, by default the
 * items shown) and the things, each a link to the page where it is done; nothing when there is
 * nothing to do. Features' home sections build theirs with it.
 */
export function TodoCard({
  title,
  items,
  count = items.length,
  more,
}: {
  title: string;
  items: TodoItem[];
  count?: number;
  more?: { to: string; label: string };
}) {
  if (count === 0) return null;
  return (
    <Card
      size="small"
      className="todo-card"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {title} <span className="todo-count">({count})</span>
        </Typography.Title>
      }
    >
      <ul className="todo-list">
        {items.map((item) => (
          <li key={item.key} className={item.danger ? 'todo-item todo-item-danger' : 'todo-item'}>
            <Flex wrap gap={8} align="center">
              <Link to={item.to} className="todo-link">
                {item.title}
              </Link>
              {item.meta}
            </Flex>
            {item.detail && <div className="todo-detail">{item.detail}</div>}
          </li>
        ))}
      </ul>
      {more && (
        <Link to={more.to} className="todo-more">
          {more.label}
        </Link>
      )}
    </Card>
  );
}
