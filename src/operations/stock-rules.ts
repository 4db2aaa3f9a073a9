/** Stock figures of one item in one place, in scaled integers. */
export interface StockFigures {
  onHand: number;
  reserved: number;
  available: number;
  inTransit: number;
}

/**
 * Available = on hand − reserved where stock may be sold; nothing is available in a location that
 * is not sellable. `sellableFree`, when known, is on hand − reserved less unreserved expired lots.
 */
export function figuresFor(balance: { on_hand: number; reserved: number }, sellable: boolean, inTransit: number, sellableFree?: number): StockFigures {
  const onHand = Number(balance.on_hand);
  const reserved = Number(balance.reserved);
  const free = sellableFree ?? onHand - reserved;
  return { onHand, reserved, available: sellable ? Math.max(0, free) : 0, inTransit };
}

export function sumFigures(list: StockFigures[]): StockFigures {
  return list.reduce(
    (acc, f) => ({ onHand: acc.onHand + f.onHand, reserved: acc.reserved + f.reserved, available: acc.available + f.available, inTransit: acc.inTransit + f.inTransit }),
    { onHand: 0, reserved: 0, available: 0, inTransit: 0 },
  );
}
