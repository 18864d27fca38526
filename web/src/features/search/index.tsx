import { lazy, Suspense, type ReactNode } from 'react';
import { Skeleton } from 'antd';
import type { WorkspaceFeature } from '../types';

const SearchPage = lazy(() => import('./SearchPage'));
const SearchBox = lazy(() => import('./SearchBox'));

const page = (element: ReactNode) => <Suspense fallback={<Skeleton active />}>{element}</Suspense>;

/** The workspace search: a box in the header and the results page. */
export const searchFeature: WorkspaceFeature = {
  routes: [{ path: 'search', element: page(<SearchPage />) }],
  menu: [],
  headerItems: [
    {
      key: 'search.box',
      Item: () => (
        <Suspense fallback={null}>
          <SearchBox />
        </Suspense>
      ),
    },
  ],
};
