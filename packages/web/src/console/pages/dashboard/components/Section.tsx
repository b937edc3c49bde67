import type { ReactNode } from 'react';
import { Card, Empty, Skeleton } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import type { RequestState } from '../../../../lib/useRequest.ts';

/**
 * One dashboard panel over one request: a skeleton while it first loads, the server's message with a retry when it
 * fails, an empty state when there is nothing, else the content. Panels fail independently.
 */
export function Section<T>({
  title,
  state,
  isEmpty,
  extra,
  testId,
  children,
}: {
  title: ReactNode;
  state: RequestState<T>;
  isEmpty?: (data: T) => boolean;
  extra?: ReactNode;
  testId?: string;
  children: (data: T) => ReactNode;
}) {
  const { data, error, loading, reload } = state;
  return (
    <Card size="small" title={title} extra={extra} data-testid={testId} style={{ height: '100%' }}>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {data === undefined ? (
        loading ? (
          <Skeleton active />
        ) : null
      ) : isEmpty?.(data) ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        children(data)
      )}
    </Card>
  );
}
