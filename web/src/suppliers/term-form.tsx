import { ActionIcon, Alert, Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { SupplierItem } from '../api/types';
import { placeProblem } from '../lib/place-problem';
import { wholeDays } from './supplier-form';

interface PriceBreak { minQuantity: string; unitPrice: string }

export interface TermValues {
  item: string;
  supplierSku: string;
  prices: PriceBreak[];
  minOrderQuantity: string;
  packSize: string;
  leadTimeDays: string;
  preferred: boolean;
}

export function termValues(t: SupplierItem | null): TermValues {
  if (!t) return { item: '', supplierSku: '', prices: [{ minQuantity: '0', unitPrice: '' }], minOrderQuantity: '', packSize: '', leadTimeDays: '', preferred: false };
  return {
    item: t.item.sku, supplierSku: t.supplierSku ?? '', prices: t.prices.map((p) => ({ ...p })), minOrderQuantity: t.minOrderQuantity ?? '',
    packSize: t.packSize ?? '', leadTimeDays: t.leadTimeDays === null ? '' : String(t.leadTimeDays), preferred: t.preferred,
  };
}

/** The terms as the API takes them; empty fields clear the value, empty price rows are dropped. */
export function termBody(v: TermValues, creating: boolean): Record<string, unknown> {
  const text = (s: string) => (s.trim() === '' ? null : s.trim().replace(',', '.'));
  return {
    ...(creating && { item: v.item.trim() }),
    supplierSku: v.supplierSku.trim() === '' ? null : v.supplierSku.trim(),
    prices: v.prices.filter((p) => p.minQuantity.trim() !== '' || p.unitPrice.trim() !== '').map((p) => ({ minQuantity: text(p.minQuantity) ?? '', unitPrice: text(p.unitPrice) ?? '' })),
    minOrderQuantity: text(v.minOrderQuantity), packSize: text(v.packSize), leadTimeDays: wholeDays(v.leadTimeDays), preferred: v.preferred,
  };
}

const FIELDS = ['item', 'supplierSku', 'minOrderQuantity', 'packSize', 'leadTimeDays', 'preferred', 'prices'];

/** One item's terms with a supplier: its code there, price breaks, minimum, pack size, lead time, preferred. */
export function TermForm({ initial, creating, currency, onSubmit, onCancel }: {
  initial: TermValues; creating: boolean; currency: string; onSubmit: (v: TermValues) => Promise<void>; onCancel: () => void;
}) {
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: 'item' | 'supplierSku' | 'minOrderQuantity' | 'packSize' | 'leadTimeDays') => ({
    value: v[name], error: errors[name], onChange: (e: { currentTarget: { value: string } }) => { const value = e.currentTarget.value; setV((x) => ({ ...x, [name]: value })); },
  });
  const setPrice = (i: number, field: keyof PriceBreak, value: string) => setV((x) => ({ ...x, prices: x.prices.map((p, j) => (j === i ? { ...p, [field]: value } : p)) }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      await onSubmit(v);
    } catch (error) {
      const placed = placeProblem(error, [...FIELDS, ...v.prices.flatMap((_, i) => [`prices.${i}.minQuantity`, `prices.${i}.unitPrice`, `prices.${i}`])]);
      setErrors(placed.fields);
      setFormError(placed.formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={creating ? 'Add an item' : `Terms for ${v.item}`}>
      <Stack gap="sm">
        {formError && <Alert color="red" role="alert" title="Not saved">{formError}</Alert>}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          {creating && <TextInput label="Item" description="SKU, id or barcode" required {...set('item')} data-autofocus />}
          <TextInput label="Supplier SKU" description="The supplier's own code" {...set('supplierSku')} />
          <TextInput label="Minimum order" inputMode="decimal" {...set('minOrderQuantity')} />
          <TextInput label="Pack size" description="Orders are whole packs" inputMode="decimal" {...set('packSize')} />
          <TextInput label="Lead time (days)" description="Blank: the supplier's" inputMode="numeric" {...set('leadTimeDays')} />
        </SimpleGrid>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" size="sm" fw={500}>Price breaks ({currency} per unit)</Text>
          {errors.prices && <Text size="xs" c="red" role="alert">{errors.prices}</Text>}
          <Stack gap={6} mt={4}>
            {v.prices.map((p, i) => (
              <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
                <TextInput aria-label={`Price break ${i + 1}: from quantity`} placeholder="from qty" inputMode="decimal" value={p.minQuantity}
                  error={errors[`prices.${i}.minQuantity`] ?? errors[`prices.${i}`]} onChange={(e) => setPrice(i, 'minQuantity', e.currentTarget.value)} style={{ flex: 1 }} />
                <TextInput aria-label={`Price break ${i + 1}: unit price`} placeholder="unit price" inputMode="decimal" value={p.unitPrice}
                  error={errors[`prices.${i}.unitPrice`]} onChange={(e) => setPrice(i, 'unitPrice', e.currentTarget.value)} style={{ flex: 1 }} />
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove price break ${i + 1}`}
                  onClick={() => setV((x) => ({ ...x, prices: x.prices.filter((_, j) => j !== i) }))}><IconTrash size={16} aria-hidden /></ActionIcon>
              </Group>
            ))}
          </Stack>
          <Button variant="subtle" size="xs" mt={4} leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setV((x) => ({ ...x, prices: [...x.prices, { minQuantity: '', unitPrice: '' }] }))}>Add a price break</Button>
        </fieldset>
        <Checkbox label="Preferred supplier for this item" description="Only one supplier per item; marking this one unmarks the others"
          checked={v.preferred} onChange={(e) => { const checked = e.currentTarget.checked; setV((x) => ({ ...x, preferred: checked })); }} />
        <Group>
          <Button type="submit" loading={busy}>{creating ? 'Add item' : 'Save terms'}</Button>
          <Button variant="default" onClick={onCancel}>Cancel</Button>
        </Group>
      </Stack>
    </form>
  );
}
