import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiErrorAlert } from '../errors/api-error-alert';
import { EmptyState, Loading } from './status';

interface QueryListProps<Row> {
  query: UseQueryResult<Row[]>;
  /** What an empty list says. */
  empty: ReactNode;
  /** The rows, once there are some. */
  children: (rows: Row[]) => ReactNode;
}

/** A list read from the API: loading, the error with a retry, the empty sentence, or the rows. */
export function QueryList<Row>({ query, empty, children }: QueryListProps<Row>) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return <EmptyState>{empty}</EmptyState>;
  return children(query.data);
}

/** A QueryList whose rows are a table, inside the horizontal scroller. */
export function QueryTable<Row>({ query, empty, children }: QueryListProps<Row>) {
  return (
    <QueryList query={query} empty={empty}>
      {(rows) => <div className="table-scroll">{children(rows)}</div>}
    </QueryList>
  );
}
