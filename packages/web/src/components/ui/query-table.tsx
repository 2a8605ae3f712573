import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiErrorAlert } from '../errors/api-error-alert';
import { EmptyState, Loading } from './status';

interface QueryTableProps<Row> {
  query: UseQueryResult<Row[]>;
  /** What an empty list says. */
  empty: ReactNode;
  /** The table of the rows, rendered inside the horizontal scroller. */
  children: (rows: Row[]) => ReactNode;
}

/** A list read from the API as a table: loading, the error with a retry, the empty sentence, or the rows. */
export function QueryTable<Row>({ query, empty, children }: QueryTableProps<Row>) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return <EmptyState>{empty}</EmptyState>;
  return <div className="table-scroll">{children(query.data)}</div>;
}
