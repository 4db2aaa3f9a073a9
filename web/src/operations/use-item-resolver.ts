import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, get, seg } from '../api/client';
import type { Item } from '../api/types';

class UnknownCodeError extends Error {
  constructor(code: string) {
    super(`No item has the barcode or SKU “${code}”`);
    this.name = 'UnknownCodeError';
  }
}

/**
 * Finds the item a scanned or typed code stands for: a barcode first, then a SKU (or id).
 * Answers are kept for a minute, so repeat scans of one item add up without waiting on the network.
 */
export function useItemResolver() {
  const queryClient = useQueryClient();
  return useCallback(
    (code: string) =>
      queryClient.fetchQuery({
        queryKey: ['resolve', code],
        staleTime: 60_000,
        queryFn: async () => {
          for (const path of [`/api/v1/items/by-barcode/${seg(code)}`, `/api/v1/items/${seg(code)}`]) {
            try {
              return await get<Item>(path);
            } catch (error) {
              if (!(error instanceof ApiError && error.status === 404)) throw error;
            }
          }
          throw new UnknownCodeError(code);
        },
        retry: false,
      }),
    [queryClient],
  );
}
