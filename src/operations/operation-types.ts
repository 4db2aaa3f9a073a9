import type { MovementKind } from '../ledger/movement-types.js';
import type { QuantityInput } from '../shared/quantity.js';
import type { LotInput } from '../tracking/lot-rules.js';

/** Lots and serials a line may name (lot- and serial-tracked items). */
export interface Tracked {
  /** A lot number or id; for stock coming in, `{ number, manufacturedOn?, expiresOn? }`. Without it, outgoing stock is taken first-expired-first-out. */
  lot?: LotInput | undefined;
  serials?: string[] | undefined;
}

/** Fields every stock operation may carry. */
export interface OperationCommon {
  reference?: string | undefined;
  note?: string | undefined;
  /** Business time; may be backdated, defaults to now. */
  occurredAt?: string | undefined;
}

export interface MovementInput extends OperationCommon, Tracked {
  item: string;
  quantity: QuantityInput;
  from: string;
  to: string;
  kind?: MovementKind | undefined;
  unitCost?: QuantityInput | undefined;
  reasonCode?: string | undefined;
}

export interface LineInput extends Tracked {
  item: string;
  quantity: QuantityInput;
}

export interface ReceiveInput extends OperationCommon {
  location: string;
  /** A supplier location (the built-in `supplier` or one under it). */
  source?: string | undefined;
  lines: Array<LineInput & { unitCost?: QuantityInput | undefined }>;
}

export interface ShipInput extends OperationCommon {
  location: string;
  destination?: string | undefined;
  lines: LineInput[];
}

export interface TransferInput extends OperationCommon {
  from: string;
  to: string;
  mode?: 'immediate' | 'two-step' | undefined;
  lines: LineInput[];
}

export interface AdjustLineInput extends Tracked {
  item: string;
  /** Signed change: positive found stock, negative lost stock. */
  delta?: QuantityInput | undefined;
  /** The quantity physically counted; the difference to on hand is posted. */
  countedQuantity?: QuantityInput | undefined;
}

export interface AdjustInput extends OperationCommon {
  location: string;
  reason: string;
  lines: AdjustLineInput[];
}

export interface PostingResult<M> {
  postingId: string;
  movements: M[];
}
