import type { MovementInput } from '../src/operations/operation-types.js';
import { newId } from '../src/shared/ids.js';
import type { LedgerFixture } from './scratch.js';

/**
 * The one workload every row measures: move 1 unit of an item from bin A (guarded: may not go
 * negative) to bin B. Movement n uses item n mod K, so concurrent single movements rarely meet on
 * a balance row. A batch of size s walks a contiguous, ascending range of s items, and batches
 * rotate over the K/s disjoint ranges: concurrent batches on PostgreSQL then lock different rows,
 * and never in opposite orders (which would deadlock the raw baseline, which does not retry).
 */
export class Workload {
  private singles = 0;
  private batches = new Map<number, number>();

  constructor(readonly fixture: LedgerFixture) {}

  /** Item index of the next single movement. */
  nextItem(): number {
    return this.singles++ % this.fixture.items.length;
  }

  /** First item index of the next batch of `size` movements. */
  nextBatchStart(size: number): number {
    const count = this.batches.get(size) ?? 0;
    this.batches.set(size, count + 1);
    return (count % Math.max(1, Math.floor(this.fixture.items.length / size))) * size;
  }

  /** Service / API input for the movement of item `index`, referring to items and bins as a client would: by SKU and code. */
  input(index: number): MovementInput {
    const item = this.fixture.items[index] as { sku: string };
    return { item: item.sku, quantity: '1', from: this.fixture.binA.code, to: this.fixture.binB.code };
  }

  inputs(start: number, size: number): MovementInput[] {
    return Array.from({ length: size }, (_, i) => this.input(start + i));
  }

  itemId(index: number): string {
    return (this.fixture.items[index] as { id: string }).id;
  }
}

export const RAW_ACTOR = { id: 'bench', name: 'Raw baseline' };

/**
 * Values of one movement row in the column order of RAW_SQL.insertMovement: the same columns
 * Stockroom fills for a plain move (ids of the same ULID format, ISO timestamps, unused columns null).
 */
export function rawMovementValues(postingId: string, itemId: string, fromId: string, toId: string, now: string): unknown[] {
  return [newId(), postingId, itemId, 1, fromId, toId, 'move', null, null, null, null, null, null, RAW_ACTOR.id, RAW_ACTOR.name, now, now, null, null];
}

const MOVEMENT_COLUMNS = [
  'id', 'posting_id', 'item_id', 'quantity', 'from_location_id', 'to_location_id', 'kind', 'unit_cost', 'reason_code', 'document_type',
  'document_id', 'reference', 'reverses_id', 'actor', 'actor_name', 'occurred_at', 'recorded_at', 'idempotency_key', 'note',
];

/**
 * The hand-written statements of a posting (and of a raw reservation), with `?` (SQLite) or `$n`
 * (PostgreSQL) placeholders. A guarded statement names its quantity twice: PostgreSQL reuses `$1`,
 * SQLite takes it again, which `guardArgs` accounts for.
 */
export function rawSql(dialect: 'sqlite' | 'postgres') {
  const pg = dialect === 'postgres';
  const p = (n: number) => (pg ? `$${n}` : '?');
  const last = pg ? '$1' : '?';
  const guard = `item_id = ${p(2)} and location_id = ${p(3)} and on_hand - reserved >= ${last}`;
  return {
    insertMovement: `insert into movements (${MOVEMENT_COLUMNS.join(', ')}) values (${MOVEMENT_COLUMNS.map((_, i) => p(i + 1)).join(', ')})${pg ? ' returning seq' : ''}`,
    debit: `update balances set on_hand = on_hand - ${p(1)} where ${guard}`,
    credit: `insert into balances (item_id, location_id, on_hand, reserved) values (${p(1)}, ${p(2)}, ${p(3)}, 0) `
      + 'on conflict (item_id, location_id) do update set on_hand = balances.on_hand + excluded.on_hand',
    reserve: `update balances set reserved = reserved + ${p(1)} where ${guard}`,
    guardArgs: (quantity: number, itemId: string, locationId: string): unknown[] => (pg ? [quantity, itemId, locationId] : [quantity, itemId, locationId, quantity]),
  };
}
