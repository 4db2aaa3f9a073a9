import type { Movement, Posting } from '../api/types';

/** "10 × BOLT-1 into A-01" for one line, "3 lines into A-01" for more. */
export function postingSummary(posting: Posting | { movements: Movement[] }): string {
  const [first] = posting.movements;
  if (!first) return 'nothing';
  if (posting.movements.length === 1) return `${first.quantity} × ${first.item.sku} (${first.from.code} → ${first.to.code})`;
  return `${posting.movements.length} lines (${first.from.code} → ${first.to.code})`;
}
