import type { Key, ReactNode } from 'react';
import {
  Card,
  Flex,
  Table,
  Typography,
  type TableColumnsType,
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
  onChange: (page: number) => void;
}

/** The rows a list page shows at once, whether the server or the page cuts the list. */
export const PAGE_SIZE = 20;

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
  columns: TableColumnsType<T>;
  rowKey: keyof T & string;
  /** Shown by an empty table instead of the default "no data". */
  emptyText?: string;
  /**
   * Absent: the API returns the whole list, and it is paged here. 'all': every row at once, for
   * a table edited in place.
   */
  paging?: ServerPaging | 'all';
  /** The table's width below which it scrolls sideways. */
  scrollX?: number;
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
  scrollX,
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
        : { pageSize: PAGE_SIZE, hideOnSinglePage: true, showSizeChanger: false };
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
            locale={emptyText ? { emptyText } : undefined}
            scroll={scrollX ? { x: scrollX } : undefined}
          />
        )}
      </Card>
      {children}
    </>
  );
}
