import { z } from 'zod';
import { booleanQuery, PageQuery, Ref } from './common.js';

const Kind = z.enum(['site', 'zone', 'bin', 'virtual']);

const locationShape = {
  id: z.string(), code: z.string(), name: z.string(), kind: Kind,
  virtualKind: z.enum(['supplier', 'customer', 'loss', 'transit', 'production', 'scrap']).nullable(),
  parentId: z.string().nullable(), siteId: z.string().nullable(),
  sellable: z.boolean().describe('Stock here counts as available; false for damaged, quality control, on hold'),
  allowNegative: z.boolean(), archived: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
  latitude: z.string().nullable().describe('Sites: decimal degrees, for routing orders to the nearest site'), longitude: z.string().nullable(),
  region: z.string().nullable().describe('Sites: a region name, for routing when there are no coordinates'),
};

const Coordinate = z.union([z.string().max(20), z.number()]).describe('Decimal degrees, up to 6 places, as text or a JSON number').meta({ example: '52.520008' });
const geographyFields = {
  latitude: Coordinate.nullish(), longitude: Coordinate.nullish(),
  region: z.string().trim().min(1).max(100).nullish().describe('e.g. "north", "DE-BE"'),
};
export const Location = z.object(locationShape).meta({ id: 'Location' });

type Node = z.infer<typeof Location> & { children: Node[] };
export const LocationNode: z.ZodType<Node> = z.lazy(() => z.object({ ...locationShape, children: z.array(LocationNode) }));

export const NewLocationBody = z
  .object({
    code: z.string().trim().min(1).max(64).regex(/^\S+$/, 'a code has no spaces').describe('Unique short code, e.g. WH1-A-01'),
    name: z.string().trim().min(1).max(200),
    kind: Kind.describe('site (a warehouse or store), zone, bin; or virtual (e.g. one supplier, under `supplier`)'),
    parent: Ref('location').nullish().describe('Parent location id or code; sites have none'),
    sellable: z.boolean().optional().describe('Defaults to the parent’s setting, or true'),
    allowNegative: z.boolean().optional().describe('Let stock here go below zero (rarely wanted)'),
    ...geographyFields,
  })
  .strict()
  .meta({ id: 'NewLocation' });

export const LocationChangesBody = z
  .object({ name: z.string().trim().min(1).max(200).optional(), sellable: z.boolean().optional(), allowNegative: z.boolean().optional(), ...geographyFields })
  .strict()
  .meta({ id: 'LocationChanges' });

export const LocationListQuery = PageQuery.extend({
  kind: Kind.optional(),
  parent: z.string().max(200).optional().describe('Only direct children of this location'),
  site: z.string().max(200).optional().describe('Only locations in this site'),
  includeArchived: booleanQuery,
});
