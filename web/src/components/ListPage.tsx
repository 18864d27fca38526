import { useCallback, useState, type Key, type ReactNode } from 'react';
import {
  Card,
  Flex,
  Table,
  Typography,
  type TableColumnType,
  type TableProps,
  type TablePaginationConfig,
} from 'antd';
import { PageHeader } from './PageHeader';
import { QueryError } from './QueryError';

/** The part of a query a list page shows: its rows, whether it is loading, its failure. */
export interface ListQuery {
  error: Error | null;
  isFetching: boolean;
  refetch: () => unknown;
}

/** A list the API pages: the page shown, its size, the total, and how to turn the page. */
export interface ServerPaging {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number, pageSize: number) => void;
  /** The page sizes offered; absent: the size is fixed. */
  pageSizes?: number[];
  /** Says how many items there are, beside the pager. */
  showTotal?: (total: number) => string;
}

/** The rows a list page shows at once, whether the server or the page cuts the list. */
export const PAGE_SIZE = 20;

/** The page a paged list shows, back to the first one whenever a filter changes. */
export function usePageNumber() {
  const [page, setPage] = useState(1);
  /** Wraps a filter's setter so that setting it also goes back to the first page. */
  const resetting = useCallback(
    <V,>(set: (value: V) => void) =>
      (value: V) => {
        set(value);
        setPage(1);
      },
    [],
  );
  return { page, setPage, resetting };
}

/** A column whose `dataIndex` must name a field of the row, so a renamed field fails typecheck. */
export type ListColumn<T> = Omit<TableColumnType<T>, 'dataIndex'> & {
  dataIndex?: keyof T & string;
};

interface ListPageProps<T> {
  title: string;
  /** The page's main actions, right of the title. */
  actions?: ReactNode;
  /** A line above the list saying what it is for. */
  intro?: ReactNode;
  /** The filters, in a row above the table. */
  filters?: ReactNode;
  query: ListQuery;
  rows: readonly T[] | undefined;
  columns: ListColumn<T>[];
  rowKey: keyof T & string;
  /** Shown by an empty table instead of the default "no data". */
  emptyText?: string;
  /**
   * Absent: the API returns the whole list, and it is paged here. 'all': every row at once, for
   * a table edited in place.
   */
  paging?: ServerPaging | 'all';
  /** Rows per page of a list paged here (default PAGE_SIZE). */
  pageSize?: number;
  /** The table's width below which it scrolls sideways. */
  scrollX?: number;
  /** Rows that open to show more (the audit log's before and after). */
  expandable?: TableProps<T>['expandable'];
  /** Dialogs the page opens. */
  children?: ReactNode;
}

/**
 * A list page of the workspace: header with title and actions, filters, then either the load's
 * failure with a retry or the table, paged by the server where the API pages.
 */
export function ListPage<T extends object>({
  title,
  actions,
  intro,
  filters,
  query,
  rows,
  columns,
  rowKey,
  emptyText,
  paging,
  pageSize = PAGE_SIZE,
  scrollX,
  expandable,
  children,
}: ListPageProps<T>) {
  const pagination: TablePaginationConfig | false =
    paging === 'all'
      ? false
      : paging
        ? {
            current: paging.page,
            pageSize: paging.pageSize,
            total: paging.total,
            onChange: paging.onChange,
            hideOnSinglePage: true,
            showSizeChanger: false,
          }
        : { pageSize, hideOnSinglePage: true, showSizeChanger: false };
  return (
    <>
      <PageHeader title={title} actions={actions} />
      <Card size="small">
        {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
        {filters && (
          <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
            {filters}
          </Flex>
        )}
        {query.error ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<T>
            size="small"
            rowKey={(row) => row[rowKey] as Key}
            columns={columns}
            dataSource={rows}
            loading={query.isFetching}
            pagination={pagination}
            // antd's grey for the empty text is below AA contrast: the secondary text colour is not.
            locale={
              emptyText
                ? { emptyText: <Typography.Text type="secondary">{emptyText}</Typography.Text> }
                : undefined
            }
            scroll={scrollX ? { x: scrollX } : undefined}
            expandable={expandable}
          />
        )}
      </Card>
      {children}
    </>
  );
}
