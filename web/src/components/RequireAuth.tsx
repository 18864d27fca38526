import type { ReactNode } from 'react';
import { Flex, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { CurrentUserContext, useCurrentUser, useMe } from '../api/auth';
import { useI18n } from '../i18n';
import { isAdmin } from '../roles';
import { QueryError } from './QueryError';

export function FullPageSpin() {
  const { t } = useI18n();
  return (
    <Flex justify="center" align="center" style={{ minHeight: '50vh' }}>
      <Spin size="large" description={t('common.loading')} />
    </Flex>
  );
}

/** Renders its children for a signed-in user; otherwise sends them to the login page and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return <CurrentUserContext value={me.data}>{children}</CurrentUserContext>;
}

/** Admin pages: hidden from others in the menu, and sent home if reached by URL. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  if (!isAdmin(user)) return <Navigate to="/" replace />;
  return children;
}
