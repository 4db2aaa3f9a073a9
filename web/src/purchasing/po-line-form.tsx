import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { placeProblem } from '../lib/place-problem';

export interface LineValues { item: string; quantity: string; unitPrice: string }

/**
 * Adds a line to a draft (`withItem`) or changes one. A blank price on a change keeps the
 * supplier's price break for the new quantity.
 */
export function PoLineForm({ initial, withItem, submitLabel, onSubmit, onCancel }: {
  initial: LineValues; withItem: boolean; submitLabel: string; onSubmit: (v: LineValues) => Promise<void>; onCancel?: () => void;
}) {
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof LineValues) => ({
    value: v[name], error: errors[name], onChange: (e: { currentTarget: { value: string } }) => { const value = e.currentTarget.value; setV((x) => ({ ...x, [name]: value })); },
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      await onSubmit(v);
      if (withItem) setV(initial);
    } catch (error) {
      const placed = placeProblem(error, ['item', 'quantity', 'unitPrice']);
      setErrors(placed.fields);
      setFormError(placed.formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={withItem ? 'Add a line' : 'Change the line'}>
      <Stack gap="xs">
        {formError && <Alert color="red" role="alert">{formError}</Alert>}
        <Group gap="xs" align="flex-start">
          {withItem && <TextInput label="Item" placeholder="SKU or barcode" {...field('item')} style={{ flex: '2 1 160px' }} />}
          <TextInput label="Quantity" inputMode="decimal" {...field('quantity')} style={{ flex: '1 1 100px' }} />
          <TextInput label="Unit price" placeholder="from terms" inputMode="decimal" {...field('unitPrice')} style={{ flex: '1 1 100px' }} />
        </Group>
        <Group gap="xs">
          <Button type="submit" size="sm" loading={busy}>{submitLabel}</Button>
          {onCancel && <Button size="sm" variant="default" onClick={onCancel}>Cancel</Button>}
        </Group>
      </Stack>
    </form>
  );
}
