import { Alert, Center, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/** Shows a loader while the first answer is on its way and the API's message when it fails. */
export function QueryState<T>({ query, children, what }: { query: UseQueryResult<T>; children: (data: T) => ReactNode; what: string }) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) return <Alert color="red" role="alert" title={`Could not load ${what}`}>{query.error.message}</Alert>;
  return <Center p="lg"><Loader size="sm" aria-label={`Loading ${what}`} /></Center>;
}
