import type { Channel } from './catalog-types.js';
import type { DemoItem } from './demo-types.js';
import type { Random } from './random.js';
import { seasonFactor, trendFactor } from './seasonality.js';
import type { StockBook } from './stock-book.js';

export const DAY_MS = 86_400_000;

export interface SimDay {
  /** 0 for the first day of history. */
  index: number;
  date: Date;
  /** Midnight UTC, in ms. */
  start: number;
  /** 0 on the last day. */
  daysBeforeEnd: number;
  last: boolean;
}

export type Warehouse = 'wh1' | 'wh2';

export interface Delivery {
  arrivalDay: number;
  warehouse: Warehouse;
  reference: string;
  supplier: string;
  lines: Array<{ item: DemoItem; quantity: number; unitCost: number }>;
}

export interface TransferOnTheWay {
  key: string;
  arrivalDay: number;
  to: string;
  lines: Array<{ item: DemoItem; quantity: number }>;
}

/** Stock set aside for a later decision: a return to inspect, or goods damaged on arrival. */
export interface Hold {
  kind: 'customer-return' | 'damaged-on-arrival';
  dueDay: number;
  item: DemoItem;
  quantity: number;
  at: string;
  reference: string;
}

/** What the simulation's parts share: the catalog, the stock, open documents, and the random streams. */
export class Sim {
  readonly deliveries: Delivery[] = [];
  readonly onOrder = new Map<string, number>();
  readonly inTransit: TransferOnTheWay[] = [];
  readonly pendingReturns: Hold[] = [];
  readonly holds: Hold[] = [];
  /** Heat-wave anomaly, drifting from day to day: cold drinks sell more on hot days. */
  weather = 0;
  private readonly counters = new Map<string, number>();

  constructor(
    readonly items: readonly DemoItem[],
    readonly book: StockBook,
    readonly random: { sales: Random; supply: Random; incidents: Random; weather: Random },
    private readonly firstDayStart: number,
  ) {}

  dateOf(dayIndex: number): Date {
    return new Date(this.firstDayStart + dayIndex * DAY_MS);
  }

  /** Moves the weather on by a day: anomalies persist for a week or so, like real heat waves. */
  advanceWeather(): void {
    this.weather = 0.85 * this.weather + 0.35 * this.random.weather.normal();
  }

  /** The next document number in a series, e.g. `SO-100042`. */
  nextNumber(prefix: string, first: number): string {
    const n = (this.counters.get(prefix) ?? first - 1) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${n}`;
  }

  onOrderKey(item: DemoItem, warehouse: Warehouse): string {
    return `${item.sku}@${warehouse}`;
  }

  /** Average demand for a day before weekday and noise: the figure a planner would use. */
  expected(item: DemoItem, channel: Channel, date: Date, daysBeforeEnd: number): number {
    const rate = item.rates[channel];
    return rate === 0 ? 0 : rate * seasonFactor(item.season, date) * trendFactor(daysBeforeEnd);
  }

  /** Weather lifts summer goods on hot days and does little to the rest. */
  weatherFactor(item: DemoItem): number {
    if (item.season === 'cold-drinks') return Math.exp(0.35 * this.weather);
    if (item.season === 'warm-weather') return Math.exp(0.15 * this.weather);
    return 1;
  }
}
