import type { NewLocation } from '../locations/location-types.js';
import type { SupplierSpec } from './catalog-types.js';

/**
 * Where the demo business keeps stock: a central warehouse that receives from suppliers, ships
 * wholesale orders and replenishes the store; an east warehouse that ships web orders; a city store.
 */
export const WH1_RACK_BINS = 10;
export const WH1_BULK_BINS = 4;
export const WH2_PICK_BINS = 8;

export const LOC = {
  wh1: 'WH1',
  wh1Qc: 'WH1-QC-01',
  wh1Dock: 'WH1-DOCK',
  wh2: 'WH2',
  wh2Returns: 'WH2-R-01',
  store: 'STORE',
  storeBack: 'STORE-BACK',
  storeFloor: 'STORE-FLOOR',
  customer: 'customer',
  loss: 'loss',
  scrap: 'scrap',
} as const;

const pad = (n: number) => String(n).padStart(2, '0');

export function wh1RackBin(n: number): string {
  return `WH1-A-${pad(n)}`;
}

export function wh1BulkBin(n: number): string {
  return `WH1-B-${pad(n)}`;
}

export function wh2PickBin(n: number): string {
  return `WH2-P-${pad(n)}`;
}

export function demoLocations(suppliers: readonly SupplierSpec[]): NewLocation[] {
  const bins = (parent: string, codes: string[], name: (i: number) => string): NewLocation[] =>
    codes.map((code, i) => ({ code, name: name(i + 1), kind: 'bin', parent }));
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  return [
    // Coordinates and regions let sales orders be routed to the nearest site.
    { code: LOC.wh1, name: 'Central Warehouse', kind: 'site', latitude: '51.3397', longitude: '12.3731', region: 'DE-SN' },
    { code: 'WH1-A', name: 'Ambient racking', kind: 'zone', parent: LOC.wh1 },
    ...bins('WH1-A', range(WH1_RACK_BINS).map(wh1RackBin), (i) => `Rack aisle A, bay ${i}`),
    { code: 'WH1-B', name: 'Bulk and pallet storage', kind: 'zone', parent: LOC.wh1 },
    ...bins('WH1-B', range(WH1_BULK_BINS).map(wh1BulkBin), (i) => `Pallet lane ${i}`),
    // Goods waiting for inspection are not for sale.
    { code: 'WH1-QC', name: 'Quality control', kind: 'zone', parent: LOC.wh1, sellable: false },
    { code: LOC.wh1Qc, name: 'Inspection shelf', kind: 'bin', parent: 'WH1-QC' },
    // Picked for the store and waiting for the truck: already promised, so not sellable.
    { code: LOC.wh1Dock, name: 'Dispatch bay', kind: 'bin', parent: LOC.wh1, sellable: false },
    { code: LOC.wh2, name: 'East Warehouse', kind: 'site', latitude: '52.4064', longitude: '16.9252', region: 'PL-30' },
    { code: 'WH2-P', name: 'Pick face', kind: 'zone', parent: LOC.wh2 },
    ...bins('WH2-P', range(WH2_PICK_BINS).map(wh2PickBin), (i) => `Pick shelf ${i}`),
    { code: 'WH2-R', name: 'Returns and damaged goods', kind: 'zone', parent: LOC.wh2, sellable: false },
    { code: LOC.wh2Returns, name: 'Returns cage', kind: 'bin', parent: 'WH2-R' },
    { code: LOC.store, name: 'City Store', kind: 'site', latitude: '52.5200', longitude: '13.4050', region: 'DE-BE' },
    { code: LOC.storeBack, name: 'Backroom', kind: 'zone', parent: LOC.store },
    { code: LOC.storeFloor, name: 'Shop floor', kind: 'zone', parent: LOC.store },
    ...suppliers.map((s): NewLocation => ({ code: s.code, name: s.name, kind: 'virtual', parent: 'supplier' })),
  ];
}

/** Physical locations a movement may take stock from; everything else is virtual. */
export function physicalCodes(locations: readonly NewLocation[]): Set<string> {
  return new Set(locations.filter((l) => l.kind !== 'virtual').map((l) => l.code));
}
