import { Alert } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

/**
 * Every webhook route needs an admin key, reading included (subscriptions say where stock data
 * goes). A clerk's key gets a 403: say what would work instead of only the refusal.
 */
export function AdminOnly({ query, children }: { query: UseQueryResult; children: ReactNode }) {
  if (query.error instanceof ApiError && query.error.status === 403) {
    return <Alert color="yellow" role="alert" title="Webhooks need an admin key">{query.error.message}. Sign in with an admin key to see and change subscriptions.</Alert>;
  }
  return <>{children}</>;
}
