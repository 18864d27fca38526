import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { isApiError, setUnauthenticatedHandler } from './api';
import { resetSession } from './api/auth';
import { FullPageSpin, RequireAdmin, RequireAuth } from './components/RequireAuth';
import { projectorRoute } from './features/meetings/projectorRoute';
import { featureSlots, features } from './features/registry';
import { SlotsProvider } from './features/slots';
import { useI18n } from './i18n';
import { theme } from './theme';

const RELOADED_KEY = 'giaoban.chunkReload';

/**
 * A page loaded on first visit. After a new release the old chunk files are gone, so a tab
 * opened before it fails to load them: reload once to pick up the new index.html.
 */
function lazyPage(load: () => Promise<{ default: ComponentType }>) {
  return lazy(() =>
    load().then(
      (module) => {
        sessionStorage.removeItem(RELOADED_KEY);
        return module;
      },
      (error: unknown) => {
        if (sessionStorage.getItem(RELOADED_KEY)) throw error;
        sessionStorage.setItem(RELOADED_KEY, '1');
        window.location.reload();
        return new Promise<never>(() => {});
      },
    ),
  );
}

// Every page loads on first visit: the sign-in page does not carry the workspace's code, nor
// the home page the admin pages'.
const LoginPage = lazyPage(() => import('./pages/LoginPage'));
const AppLayout = lazyPage(() => import('./pages/AppLayout'));
const HomePage = lazyPage(() => import('./pages/HomePage'));
const UnitsPage = lazyPage(() => import('./pages/UnitsPage'));
const AccountsPage = lazyPage(() => import('./pages/AccountsPage'));
const AuditPage = lazyPage(() => import('./pages/AuditPage'));
const ProfilePage = lazyPage(() => import('./pages/ProfilePage'));
const NotFoundPage = lazyPage(() => import('./pages/NotFoundPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; a flaky network might.
      retry: (count, error) =>
        !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      // Forms send the version they read; silently refetching under them helps no one.
      refetchOnWindowFocus: false,
    },
  },
});

/** When any call finds the session gone, forget the user; RequireAuth then shows the login page. */
function SessionWatcher() {
  const client = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => resetSession(client, null));
    return () => setUnauthenticatedHandler(null);
  }, [client]);
  return null;
}

function AppRoutes() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path={projectorRoute.path} element={projectorRoute.element} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="units" element={<UnitsPage />} />
          <Route
            path="accounts"
            element={
              <RequireAdmin>
                <AccountsPage />
              </RequireAdmin>
            }
          />
          <Route
            path="audit"
            element={
              <RequireAdmin>
                <AuditPage />
              </RequireAdmin>
            }
          />
          <Route path="profile" element={<ProfilePage />} />
          {features
            .flatMap((feature) => feature.routes)
            .map((route) => (
              <Route key={route.path} path={route.path} element={route.element} />
            ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

export default function App() {
  const { lang } = useI18n();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={theme}>
        <AntApp>
          <SlotsProvider value={featureSlots}>
            <BrowserRouter basename="/app">
              <SessionWatcher />
              <AppRoutes />
            </BrowserRouter>
          </SlotsProvider>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
