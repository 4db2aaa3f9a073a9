import type { Movement, Posting } from '../api/types';
import { sumQuantities } from '../lib/quantity';

/**
 * "10 × BOLT-1 (supplier → A-01)" for one line, "3 lines (A-01 → customer)" for more. A lot-tracked
 * line taken from several lots (first expiring first) is still one line, said with its lots.
 */
export function postingSummary(posting: Posting | { movements: Movement[] }): string {
  const [first] = posting.movements;
  if (!first) return 'nothing';
  const lots = (m: Movement[]) => m.flatMap((x) => (x.lot ? [x.lot.number] : []));
  if (posting.movements.length === 1) return `${first.quantity} × ${first.item.sku}${first.lot ? ` lot ${first.lot.number}` : ''} (${first.from.code} → ${first.to.code})`;
  const oneLine = posting.movements.every((m) => m.item.id === first.item.id && m.lot !== null && m.from.id === first.from.id && m.to.id === first.to.id);
  if (oneLine) return `${sumQuantities(posting.movements.map((m) => m.quantity))} × ${first.item.sku} from lots ${lots(posting.movements).join(', ')} (${first.from.code} → ${first.to.code})`;
  return `${posting.movements.length} lines (${first.from.code} → ${first.to.code})`;
}
