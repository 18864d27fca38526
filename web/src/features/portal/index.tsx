import { lazy, Suspense, type ReactNode } from 'react';
import { AppstoreOutlined, ReadOutlined } from '@ant-design/icons';
import { Skeleton } from 'antd';
import type { Me } from '../../api/types';
import type { WorkspaceFeature } from '../types';
import { countPortalTodo } from './home';

const ArticlesPage = lazy(() => import('./ArticlesPage'));
const ArticleEditPage = lazy(() => import('./ArticleEditPage'));
const CategoriesPage = lazy(() => import('./CategoriesPage'));
const PortalHomeSection = lazy(() => import('./HomeSection'));
const MeetingArticleAction = lazy(() => import('./MeetingArticleAction'));

const page = (element: ReactNode) => <Suspense fallback={<Skeleton active />}>{element}</Suspense>;
const isEditor = (user: Me) => user.roles.some((r) => r.role === 'editor');

/** The portal pages of the workspace: articles and categories for editors. */
export const portalFeature: WorkspaceFeature = {
  routes: [
    { path: 'portal/articles', element: page(<ArticlesPage />) },
    { path: 'portal/articles/:id', element: page(<ArticleEditPage />) },
    { path: 'portal/categories', element: page(<CategoriesPage />) },
  ],
  menu: [
    {
      key: '/portal/articles',
      icon: <ReadOutlined aria-hidden />,
      label: { vi: 'Bài viết cổng thông tin', en: 'Portal articles' },
      visible: isEditor,
    },
    {
      key: '/portal/categories',
      icon: <AppstoreOutlined aria-hidden />,
      label: { vi: 'Chuyên mục', en: 'Categories' },
      visible: isEditor,
    },
  ],
  homeSections: [
    {
      key: 'portal',
      order: 40,
      visible: isEditor,
      count: countPortalTodo,
      component: PortalHomeSection,
    },
  ],
  meetingActions: [
    {
      key: 'portal.article',
      Action: (props) => (
        <Suspense fallback={null}>
          <MeetingArticleAction {...props} />
        </Suspense>
      ),
    },
  ],
  auditDetails: () => import('./audit-labels').then((m) => m.auditDetailLabels),
  auditLabels: {
    entity: {
      portal_article: { vi: 'Bài viết', en: 'Article' },
      portal_category: { vi: 'Chuyên mục', en: 'Category' },
      portal_image: { vi: 'Ảnh', en: 'Image' },
    },
  },
};
