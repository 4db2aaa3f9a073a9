import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { post, seg } from '../api/client';
import type { SalesOrder } from '../api/types';
import { formatQuantity } from '../lib/format';
import { newIdempotencyKey } from '../lib/idempotency';
import { placeProblem } from '../lib/place-problem';
import { checkQuantity, compareQuantities } from '../lib/quantity';
import { pickedNotShipped, shippable } from './order-figures';
import { SerialsInput } from './serials-input';

/**
 * What leaves now: per line, a quantity up to what it holds. It starts at what was picked and not
 * yet shipped (the tote), or everything held when nothing was picked; clearing a line leaves it held.
 * A serial-tracked line is shipped by scanning the serial of each unit: its quantity is their count.
 */
export function ShipForm({ order, opened, onClose, onDone }: { order: SalesOrder; opened: boolean; onClose: () => void; onDone: (message: string) => Promise<void> }) {
  const open = order.lines.filter((l) => compareQuantities(shippable(l), '0') > 0);
  const start = () => {
    const anyPicked = open.some((l) => compareQuantities(pickedNotShipped(l), '0') > 0);
    return Object.fromEntries(open.map((l) => {
      const tote = pickedNotShipped(l);
      const q = anyPicked ? (compareQuantities(tote, l.reserved) > 0 ? l.reserved : tote) : l.reserved;
      return [l.id, q === '0' || l.item.tracking === 'serial' ? '' : q];
    }));
  };
  const isSerial = (lineId: string) => open.some((l) => l.id === lineId && l.item.tracking === 'serial');
  const [quantities, setQuantities] = useState<Record<string, string>>(start);
  const [serials, setSerials] = useState<Record<string, string[]>>({});
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  useEffect(() => {
    if (!opened) return;
    setQuantities(start());
    setSerials({});
    setErrors({});
    setFormError(null);
    key.current = newIdempotencyKey();
    // Only when the dialog opens: a refresh while it is open must not overwrite what was typed.
  }, [opened]);

  async function ship() {
    setErrors({});
    setFormError(null);
    const chosen = open.filter((l) => (quantities[l.id] ?? '').trim() !== '');
    const bad = chosen.flatMap((l) => {
      const q = checkQuantity(quantities[l.id] ?? '');
      return q.ok ? [] : [[l.id, q.message] as const];
    });
    if (bad.length > 0) {
      setErrors(Object.fromEntries(bad));
      return;
    }
    if (chosen.length === 0) {
      setFormError('Enter how many of at least one line leave now.');
      return;
    }
    const lines = chosen.map((l) => {
      const scanned = serials[l.id];
      return isSerial(l.id) && scanned ? { line: l.id, quantity: String(scanned.length), serials: scanned } : { line: l.id, quantity: quantities[l.id]?.trim().replace(',', '.') ?? '' };
    });
    setBusy(true);
    try {
      const result = await post<{ order: SalesOrder }>(`/api/v1/sales-orders/${seg(order.id)}/ship`, { lines, ...(reference.trim() && { reference: reference.trim() }) }, key.current);
      onClose();
      await onDone(`${order.number}: shipped ${lines.length} line(s), now ${result.order.status.replace('_', ' ')}`);
    } catch (error) {
      const placed = placeProblem(error, chosen.flatMap((_, i) => [`lines.${i}.quantity`, `lines.${i}.serials`]).concat('reference'));
      setErrors(Object.fromEntries(Object.entries(placed.fields).map(([k, m]) => [/^lines\.(\d+)\./.test(k) ? chosen[Number(k.split('.')[1])]?.id ?? k : k, m])));
      setFormError(placed.formError);
      key.current = newIdempotencyKey();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={`Ship ${order.number}`} size="lg">
      <Stack gap="sm">
        <Text size="sm">Held units move from their bins to the customer. A line left blank stays held for a later shipment.</Text>
        {open.length === 0 ? <Text size="sm" c="dimmed">This order holds nothing to ship.</Text> : (
          <Table fz="sm" verticalSpacing={4}>
            <caption className="visually-hidden">Lines to ship</caption>
            <Table.Thead>
              <Table.Tr><Table.Th scope="col">Item</Table.Th><Table.Th scope="col" ta="right">Held</Table.Th><Table.Th scope="col" ta="right">Picked</Table.Th><Table.Th scope="col" w={130}>Ship now</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Th scope="row" fw={600}>{l.item.sku}</Table.Th>
                  <Table.Td ta="right" ff="monospace">{formatQuantity(l.reserved)}</Table.Td>
                  <Table.Td ta="right" ff="monospace">{formatQuantity(pickedNotShipped(l))}</Table.Td>
                  <Table.Td>
                    {l.item.tracking === 'serial' ? (
                      <SerialsInput sku={l.item.sku} serials={serials[l.id] ?? []} error={errors[l.id]} onChange={(next) => {
                        setSerials((all) => ({ ...all, [l.id]: next }));
                        setQuantities((q) => ({ ...q, [l.id]: next.length > 0 ? String(next.length) : '' }));
                      }} />
                    ) : (
                      <TextInput aria-label={`Ship now of ${l.item.sku}`} inputMode="decimal" value={quantities[l.id] ?? ''} error={errors[l.id]}
                        onChange={(e) => { const v = e.currentTarget.value; setQuantities((q) => ({ ...q, [l.id]: v })); }} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <TextInput label="Tracking number" description="Kept as the shipment’s reference; defaults to the order number" value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={errors.reference} />
        {formError && <Alert color="red" role="alert" title="Not shipped">{formError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Back</Button>
          <Button onClick={() => void ship()} loading={busy} disabled={open.length === 0}>Ship</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
