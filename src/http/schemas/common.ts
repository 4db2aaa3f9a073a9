import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../shared/page.js';

export const Quantity = z
  .union([z.string().max(40), z.number()])
  .describe('Exact decimal quantity in the item’s unit, as text ("2.5") or a JSON number; no more decimals than the item allows.')
  .meta({ example: '10' });

export const QuantityText = z.string().describe('Exact decimal quantity as text').meta({ example: '7.5' });

export const Money = z
  .union([z.string().max(40), z.number()])
  .describe('Exact decimal amount per unit, up to 4 decimal places, as text ("12.3400") or a JSON number.')
  .meta({ example: '4.25' });

export const Timestamp = z.string().describe('RFC 3339 timestamp; stored and returned in UTC').meta({ example: '2026-11-23T09:30:00Z' });

export const Ref = (what: string) => z.string().min(1).max(200).describe(`${what}: its id or its ${what === 'item' ? 'SKU' : 'code'}`);

export const Reference = z.string().max(200).describe('Your own reference, e.g. a delivery note or order number');
export const Note = z.string().max(2000).describe('Free text: why this was done');

export const PageQuery = z.object({
  cursor: z.string().max(500).optional().describe('`nextCursor` from the previous page'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page') });

export const IdParams = z.object({ id: z.string().min(1).max(200) });
export const RefParams = z.object({ ref: z.string().min(1).max(200).describe('id, SKU or code') });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string().describe('JSON Pointer to the bad field'), message: z.string() })).optional(),
    shortfalls: z
      .array(z.object({ path: z.string(), item: z.string(), location: z.string(), requested: z.string(), available: z.string() }))
      .optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const Place = z.object({ id: z.string(), code: z.string() });
export const ItemBrief = z.object({ id: z.string(), sku: z.string() });

export const booleanQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

/** Responses every authenticated route may give. */
export const errorResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
};
