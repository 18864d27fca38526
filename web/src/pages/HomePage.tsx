import { Suspense } from 'react';
import { Card, Empty, Skeleton, Typography } from 'antd';
import { useCurrentUser } from '../api/auth';
import { useTodo } from '../api/todo';
import { useUnits } from '../api/units';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { RoleTags } from '../components/RoleTags';
import { homeSections } from '../features/registry';
import { useI18n } from '../i18n';
import { indexUnits } from '../unitTree';

/**
 * "Việc cần làm": what is asked of the signed-in person, from every feature's home section
 * (features/types.ts, HomeSection), in their order. The page itself shows none of it.
 */
export default function HomePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const units = useUnits();
  const todo = useTodo();
  const sections = homeSections.filter((s) => s.visible?.(user) ?? true);
  const shown = todo.data ? sections.filter((s) => s.count(todo.data) > 0) : [];
  return (
    <>
      <PageHeader title={t('nav.home')} />
      <div className="home-greeting">
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('home.welcome', { name: user.fullName })}
        </Typography.Title>
        <RoleTags roles={user.roles} unitsById={indexUnits(units.data ?? [])} />
      </div>
      {todo.error ? (
        <QueryError error={todo.error} onRetry={() => void todo.refetch()} />
      ) : !todo.data ? (
        <Skeleton active />
      ) : shown.length === 0 ? (
        <Card style={{ maxWidth: 880 }}>
          <Empty description={t('home.nothing')} />
        </Card>
      ) : (
        <div className="home-grid">
          {shown.map(({ key, component: Section }) => (
            <Suspense key={key} fallback={<Card loading />}>
              <Section todo={todo.data} />
            </Suspense>
          ))}
        </div>
      )}
    </>
  );
}
