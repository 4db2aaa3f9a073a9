import { Alert, Button, Group, MultiSelect, Paper, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, post } from '../api/client';
import { useReasonCodes } from '../api/queries';
import { useSalesOrder, useSalesOrders } from '../api/sales-order-queries';
import type { SalesOrder } from '../api/types';
import { ConfirmModal, type Confirmation } from '../layout/confirm-modal';
import { PageHeader } from '../layout/page-header';
import { QueryState } from '../layout/query-state';
import { useCompact } from '../layout/use-compact';
import { formatLot, formatQuantity } from '../lib/format';
import { newIdempotencyKey } from '../lib/idempotency';
import { checkQuantity, sumQuantities } from '../lib/quantity';
import { formRows, requestLine, rowFigures, rowLabel, type FormRow } from './return-form-rows';
import { useReturnable } from './return-queries';
import type { Return, ReturnableLine } from './return-types';

interface Row {
  quantity: string;
  reason: string | null;
  serials: string[];
}

/** Orders that shipped something: the only ones anything can come back from. */
function OrderSelect({ value, onChange }: { value: string | null; onChange: (number: string | null) => void }) {
  const orders = useSalesOrders({ status: ['partially_shipped', 'shipped', 'delivered'] }, undefined, 200);
  const data = (orders.data?.data ?? []).map((o) => ({ value: o.number, label: `${o.number} · ${o.customerName ?? o.channel.code}` }));
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label: value });
  return (
    <Select label="Sales order" description="Orders that have shipped" placeholder={orders.isLoading ? 'Loading orders…' : 'Choose the order the goods were sold on'}
      data={data} value={value} onChange={onChange} searchable clearable nothingFoundMessage="No shipped order matches" comboboxProps={{ withinPortal: true }}
      error={orders.error ? `Could not load orders: ${orders.error.message}` : undefined} />
  );
}

function ReturnForm({ order, returnable }: { order: SalesOrder; returnable: readonly ReturnableLine[] }) {
  const navigate = useNavigate();
  const compact = useCompact();
  const reasons = useReasonCodes();
  const shown = useMemo(() => formRows(returnable), [returnable]);
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [customer, setCustomer] = useState(order.customerName ?? '');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const reasonOptions = (reasons.data?.data ?? []).map((r) => ({ value: r.code, label: r.name }));
  const row = (key: string): Row => rows[key] ?? { quantity: '', reason: null, serials: [] };
  const setRow = (key: string, change: Partial<Row>) => setRows((all) => ({ ...all, [key]: { ...row(key), ...change } }));
  const touched = (r: FormRow) => (r.serials ? row(r.key).serials.length > 0 : row(r.key).quantity.trim() !== '');

  const inputs = (r: FormRow) => [
    r.serials ? (
      <MultiSelect key="quantity" aria-label={`Serials of ${r.line.item.sku} to return`} placeholder={r.serials.length > 0 ? 'Scan or pick serials' : 'No serial left to return'}
        data={r.serials} disabled={r.serials.length === 0} value={row(r.key).serials} error={errors[`${r.key}.quantity`]} searchable
        onChange={(v) => setRow(r.key, { serials: v })} comboboxProps={{ withinPortal: true }} />
    ) : (
      <TextInput key="quantity" aria-label={`Quantity of ${rowLabel(r)} to return`} inputMode="decimal" value={row(r.key).quantity} error={errors[`${r.key}.quantity`]}
        rightSection={<Text size="xs" c="dimmed">{r.line.item.unit}</Text>} rightSectionWidth={44} onChange={(e) => setRow(r.key, { quantity: e.currentTarget.value })} />
    ),
    <Select key="reason" aria-label={`Reason for returning ${rowLabel(r)}`} placeholder="Why" data={reasonOptions} value={row(r.key).reason} error={errors[`${r.key}.reason`]}
      onChange={(v) => setRow(r.key, { reason: v })} comboboxProps={{ withinPortal: true }} />,
  ] as const;

  function review() {
    setErrors({});
    setFormError(null);
    const chosen = shown.filter(touched);
    const problems: Record<string, string> = {};
    for (const r of chosen) {
      const checked = r.serials ? null : checkQuantity(row(r.key).quantity);
      if (checked && !checked.ok) problems[`${r.key}.quantity`] = checked.message;
      if (!row(r.key).reason) problems[`${r.key}.reason`] = 'Choose why it comes back';
    }
    if (chosen.length === 0) return setFormError('Enter a quantity (or choose serials) on at least one line.');
    if (Object.keys(problems).length > 0) return setErrors(problems);
    const lines = chosen.map((r) => requestLine(r, { ...row(r.key), reason: row(r.key).reason ?? '' }));
    const body = { order: order.number, lines, ...(customer.trim() && { customerName: customer.trim() }), ...(notes.trim() && { notes: notes.trim() }) };
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    const key = attempt.current.key;
    const what = lines.map((l, i) => `${formatQuantity(l.quantity)} × ${rowLabel(chosen[i] as FormRow)}${l.serials ? ` (${l.serials.join(', ')})` : ''}`);
    setConfirmation({
      title: `Authorise a return for ${order.number}?`, confirmLabel: 'Authorise return',
      message: `${what.join(', ')} may come back (${formatQuantity(sumQuantities(lines.map((l) => l.quantity)))} units). Nothing moves until the goods are received into quality control.`,
      run: async () => {
        try {
          const created = await post<Return>('/api/v1/returns', body, key);
          attempt.current = null;
          navigate(`/returns/${encodeURIComponent(created.number)}`);
        } catch (error) {
          if (error instanceof ApiError) {
            setErrors(Object.fromEntries(error.fieldErrors.flatMap((e) => {
              const match = /^\/lines\/(\d+)\/(quantity|reason|line|lot|serials)(\/\d+)?$/.exec(e.path);
              const key = match ? chosen[Number(match[1])]?.key : undefined;
              return key ? [[`${key}.${match?.[2] === 'reason' ? 'reason' : 'quantity'}`, e.message]] : [];
            })));
          }
          throw error;
        }
      },
    });
  }

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        {compact ? (
          <ul aria-label={`Shipped lines of ${order.number}`} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {shown.map((r) => (
              <li key={r.key} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
                <Text fw={600} size="sm">{r.line.item.sku}</Text>
                <Text size="xs" c="dimmed" lineClamp={1}>{r.line.item.name}</Text>
                {r.lot && <Text size="xs">{formatLot(r.lot)}</Text>}
                <Text size="xs">Shipped {formatQuantity(rowFigures(r).shipped)} · returnable {formatQuantity(rowFigures(r).returnable)}</Text>
                <Group gap="xs" mt={4} grow align="flex-start">{inputs(r)}</Group>
              </li>
            ))}
          </ul>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={4} fz="sm">
              <caption className="visually-hidden">Shipped lines of {order.number}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Item</Table.Th>
                  <Table.Th scope="col" ta="right">Shipped</Table.Th>
                  <Table.Th scope="col" ta="right">Returnable</Table.Th>
                  <Table.Th scope="col" w={130}>Quantity</Table.Th>
                  <Table.Th scope="col" miw={200}>Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((r) => {
                  const [quantity, reason] = inputs(r);
                  return (
                    <Table.Tr key={r.key}>
                      <Table.Th scope="row" fw={400}>
                        <Text fw={600} size="sm">{r.line.item.sku}</Text><Text size="xs" c="dimmed" lineClamp={1}>{r.line.item.name}</Text>
                        {r.lot && <Text size="xs">{formatLot(r.lot)}</Text>}
                      </Table.Th>
                      <Table.Td ta="right" ff="monospace">{formatQuantity(rowFigures(r).shipped)}</Table.Td>
                      <Table.Td ta="right" ff="monospace">{formatQuantity(rowFigures(r).returnable)}</Table.Td>
                      <Table.Td>{quantity}</Table.Td>
                      <Table.Td>{reason}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Paper withBorder p="md" maw={560}>
        <Stack gap="sm">
          <TextInput label="Customer" value={customer} onChange={(e) => setCustomer(e.currentTarget.value)} />
          <Textarea label="Notes" description="e.g. how it is sent back" autosize minRows={1} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          {formError && <Alert color="red" role="alert" title="Not authorised">{formError}</Alert>}
          <Group><Button onClick={review}>Authorise return</Button></Group>
        </Stack>
      </Paper>
      <ConfirmModal confirmation={confirmation} onClose={() => setConfirmation(null)} />
    </Stack>
  );
}

/** The order and what may still come back of it (by lot and serial): the form waits for both, so a tracked line is never offered without its lots. */
function OrderForm({ number }: { number: string }) {
  const order = useSalesOrder(number);
  const returnable = useReturnable(number);
  return (
    <QueryState query={order} what={`sales order ${number}`}>
      {(o) => <QueryState query={returnable} what={`what may come back of ${number}`}>{(r) => <ReturnForm key={o.id} order={o} returnable={r.data} />}</QueryState>}
    </QueryState>
  );
}

/** A return authorised from an order: pick the shipped lines (the lot, or the serials, of a tracked item), how many come back and why. */
export function NewReturnPage() {
  const [params, setParams] = useSearchParams();
  const number = params.get('order');
  const [chosen, setChosen] = useState<string | null>(number);
  useEffect(() => setChosen(number), [number]);
  return (
    <>
      <PageHeader title="New return" description="Authorise what a customer may send back; it is received into quality control later." />
      <Stack gap="md">
        <Paper withBorder p="md" maw={560}>
          <OrderSelect value={chosen} onChange={(v) => setParams((p) => { if (v) p.set('order', v); else p.delete('order'); return p; }, { replace: true })} />
        </Paper>
        {chosen && <OrderForm number={chosen} />}
      </Stack>
    </>
  );
}
