import type { LocationKind, VirtualKind } from '../db/schema.js';

export interface Location {
  id: string;
  code: string;
  name: string;
  kind: LocationKind;
  virtualKind: VirtualKind | null;
  parentId: string | null;
  siteId: string | null;
  sellable: boolean;
  allowNegative: boolean;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  /** Sites only, for routing sales orders: decimal degrees as text, and a region name. */
  latitude: string | null;
  longitude: string | null;
  region: string | null;
}

export interface LocationNode extends Location {
  children: LocationNode[];
}

export interface NewLocation {
  code: string;
  name: string;
  kind: LocationKind;
  parent?: string | null | undefined;
  sellable?: boolean | undefined;
  allowNegative?: boolean | undefined;
  latitude?: string | number | null | undefined;
  longitude?: string | number | null | undefined;
  region?: string | null | undefined;
}

export interface LocationChanges {
  name?: string | undefined;
  sellable?: boolean | undefined;
  allowNegative?: boolean | undefined;
  latitude?: string | number | null | undefined;
  longitude?: string | number | null | undefined;
  region?: string | null | undefined;
}

/** What operations need to know of a location to post to it. */
export interface LocationRef {
  id: string;
  code: string;
  name: string;
  kind: LocationKind;
  virtualKind: VirtualKind | null;
  siteId: string | null;
  sellable: boolean;
  mayGoNegative: boolean;
  archived: boolean;
}
