import { useCallback, useEffect, useState } from 'react';

/**
 * Keyset pages can only be walked forwards by the server; going back means remembering the
 * cursors already used. The pager restarts at page one whenever `resetKey` changes (new filters).
 */
export function useCursorPager(resetKey: string) {
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  useEffect(() => setCursors([undefined]), [resetKey]);
  const next = useCallback((cursor: string) => setCursors((stack) => [...stack, cursor]), []);
  const previous = useCallback(() => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)), []);
  return { cursor: cursors[cursors.length - 1], page: cursors.length, next, previous };
}
