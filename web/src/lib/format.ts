/**
 * Display formatting. Quantities and money arrive as exact decimal text; Intl formats such text
 * as a decimal (not through a binary float), so what is shown is what the ledger holds.
 */
const quantityFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 6 });
const moneyFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

type DecimalText = `${number}`;

export function formatQuantity(text: string): string {
  return quantityFormat.format(text as DecimalText);
}

export function formatMoney(text: string): string {
  return moneyFormat.format(text as DecimalText);
}

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "2026-03-02" → "Mar 2": chart axes show UTC days, as the reports count them. */
export function formatDay(day: string): string {
  return shortDate.format(new Date(`${day}T00:00:00Z`));
}

/** A lot as the app names it: its number, and its expiry when it has one ("lot L-7 · expires 2026-12-01"). */
export function formatLot(lot: { number: string; expiresOn: string | null }): string {
  return `lot ${lot.number}${lot.expiresOn ? ` · expires ${lot.expiresOn}` : ''}`;
}

/** Chart libraries plot numbers; this is for drawing only, never for arithmetic or display of figures. */
export function plotValue(text: string): number {
  return Number(text);
}

const KIND_LABELS: Record<string, string> = {
  receipt: 'Receipt', shipment: 'Shipment', transfer: 'Transfer', transfer_out: 'Transfer out', transfer_in: 'Transfer in',
  adjustment: 'Adjustment', reversal: 'Reversal', move: 'Move', production: 'Production', consumption: 'Consumption', return: 'Return', scrap: 'Scrap',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}
