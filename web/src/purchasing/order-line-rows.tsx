import { ActionIcon, Autocomplete, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useSupplierItems } from '../api/purchasing-queries';
import { useCompact } from '../layout/use-compact';
import { priceText } from '../suppliers/supplier-terms';

export interface DraftLine {
  key: number;
  item: string;
  quantity: string;
  unitPrice: string;
}

let nextKey = 1;
export const emptyLine = (): DraftLine => ({ key: nextKey++, item: '', quantity: '', unitPrice: '' });

/** A line as the API takes it: the price only when one is typed (else the supplier's price break applies). */
export function lineBody(l: DraftLine): { item: string; quantity: string; unitPrice?: string } {
  const price = l.unitPrice.trim().replace(',', '.');
  return { item: l.item.trim(), quantity: l.quantity.trim().replace(',', '.'), ...(price && { unitPrice: price }) };
}

/**
 * The lines of a new order: item (the supplier's items are suggested), quantity and an optional
 * price. `errors` holds the API's messages by `lines.{i}.{field}`.
 */
export function OrderLineRows({ supplier, lines, onChange, errors }: {
  supplier: string | null; lines: DraftLine[]; onChange: (lines: DraftLine[]) => void; errors: Record<string, string>;
}) {
  const compact = useCompact();
  const offers = useSupplierItems(supplier);
  const suggestions = useMemo(() => (offers.data?.data ?? []).map((t) => t.item.sku), [offers.data]);
  const terms = useMemo(() => new Map((offers.data?.data ?? []).map((t) => [t.item.sku, t])), [offers.data]);
  const set = (key: number, field: 'item' | 'quantity' | 'unitPrice', value: string) => onChange(lines.map((l) => (l.key === key ? { ...l, [field]: value } : l)));

  return (
    <Stack gap="xs">
      {lines.map((line, i) => {
        const offer = terms.get(line.item.trim());
        const hints = offer ? [offer.item.name, priceText(offer, offer.supplier.currency), offer.packSize && `packs of ${offer.packSize}`, offer.minOrderQuantity && `min. ${offer.minOrderQuantity}`].filter(Boolean).join(' · ') : undefined;
        return (
          <Group key={line.key} gap="xs" align="flex-start" wrap={compact ? 'wrap' : 'nowrap'} role="group" aria-label={`Line ${i + 1}`}>
            <Autocomplete
              label={`Item, line ${i + 1}`} placeholder="SKU" data={suggestions} value={line.item} onChange={(v) => set(line.key, 'item', v)}
              error={errors[`lines.${i}.item`]} description={hints} style={{ flex: '2 1 200px' }} comboboxProps={{ withinPortal: true }}
            />
            <TextInput label={`Quantity, line ${i + 1}`} inputMode="decimal" value={line.quantity} onChange={(e) => set(line.key, 'quantity', e.currentTarget.value)}
              error={errors[`lines.${i}.quantity`]} style={{ flex: '1 1 100px' }} />
            <TextInput label={`Unit price, line ${i + 1}`} placeholder="from terms" inputMode="decimal" value={line.unitPrice} onChange={(e) => set(line.key, 'unitPrice', e.currentTarget.value)}
              error={errors[`lines.${i}.unitPrice`]} style={{ flex: '1 1 100px' }} />
            <ActionIcon variant="subtle" color="red" size="lg" mt={compact ? 0 : 25} aria-label={`Remove line ${i + 1}`} onClick={() => onChange(lines.filter((l) => l.key !== line.key))}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      {lines.length === 0 && <Text size="sm" c="dimmed">No lines yet: a draft may start empty and get its lines later.</Text>}
      <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...lines, emptyLine()])} style={{ alignSelf: 'flex-start' }}>Add a line</Button>
    </Stack>
  );
}
