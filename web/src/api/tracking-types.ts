import type { Lot } from '../../../src/tracking/tracking-types';

export type { Lot, LotLocation, LotTrace, Serial, SerialDetail } from '../../../src/tracking/tracking-types';

/** The expiry alerts answer with lots that all have an expiry date, so `daysLeft` is set. */
export type ExpiringLot = Lot;
