import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { post, seg } from '../api/client';
import type { PurchaseOrder, ReceiptResult } from '../api/types';
import { formatQuantity } from '../lib/format';
import { newIdempotencyKey } from '../lib/idempotency';
import { placeProblem } from '../lib/place-problem';
import { compareQuantities, subtractQuantities } from '../lib/quantity';
import { SiteLocationSelect } from '../locations/site-select';

/** Sends received goods back to the supplier: which line, how many, from which bin. */
export function PoReturnForm({ order, opened, onClose, onDone }: { order: PurchaseOrder; opened: boolean; onClose: () => void; onDone: (message: string) => Promise<void> }) {
  const returnable = order.lines.filter((l) => compareQuantities(subtractQuantities(l.received, l.returned), '0') > 0);
  const [line, setLine] = useState<string | null>(null);
  const [quantity, setQuantity] = useState('');
  const [location, setLocation] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = useRef<{ body: string; key: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    if (!line) return setErrors({ 'lines.0.line': 'Choose what goes back' });
    if (!location) return setErrors({ location: 'Choose the bin it leaves from' });
    const body = { location, lines: [{ line, quantity: quantity.trim().replace(',', '.') }], ...(note.trim() && { note: note.trim() }) };
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    setBusy(true);
    try {
      const result = await post<ReceiptResult>(`/api/v1/purchase-orders/${seg(order.id)}/returns`, body, attempt.current.key);
      attempt.current = null;
      setQuantity('');
      setNote('');
      onClose();
      await onDone(`Returned ${result.receipt.lines.map((l) => `${formatQuantity(l.quantity)} × ${l.item.sku}`).join(', ')} to ${order.supplier.code}`);
    } catch (error) {
      const placed = placeProblem(error, ['location', 'note', 'lines.0.line', 'lines.0.quantity', 'lines.0.item']);
      setErrors(placed.fields);
      setFormError(placed.formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={`Return goods to ${order.supplier.name}`}>
      <form onSubmit={submit} noValidate aria-label="Return to supplier">
        <Stack gap="sm">
          {formError && <Alert color="red" role="alert" title="Not returned">{formError}</Alert>}
          <Select
            label="Line" placeholder="What goes back" value={line} onChange={setLine} error={errors['lines.0.line'] ?? errors['lines.0.item']} comboboxProps={{ withinPortal: true }}
            data={returnable.map((l) => ({ value: l.id, label: `${l.lineNo} · ${l.item.sku} (received ${formatQuantity(l.received)}, returned ${formatQuantity(l.returned)})` }))}
          />
          <TextInput label="Quantity" inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.currentTarget.value)} error={errors['lines.0.quantity']} />
          <SiteLocationSelect site={order.site.code} label="From" value={location} onChange={setLocation} error={errors.location} />
          <Textarea label="Note" description="Why, e.g. damaged in transit" autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
          <Group>
            <Button type="submit" loading={busy} color="orange">Return</Button>
            <Button variant="default" onClick={onClose}>Cancel</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
