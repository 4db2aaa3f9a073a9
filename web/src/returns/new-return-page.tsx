import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
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
import { formatQuantity } from '../lib/format';
import { newIdempotencyKey } from '../lib/idempotency';
import { checkQuantity, compareQuantities, sumQuantities } from '../lib/quantity';
import { useOrderReturns } from './return-queries';
import { returnableByLine } from './returnable';
import type { Return } from './return-types';

interface Row {
  quantity: string;
  reason: string | null;
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

function ReturnForm({ order }: { order: SalesOrder }) {
  const navigate = useNavigate();
  const compact = useCompact();
  const reasons = useReasonCodes();
  const returns = useOrderReturns(order.number);
  const returnable = useMemo(() => returnableByLine(order.lines, returns.data?.data ?? []), [order.lines, returns.data]);
  const shipped = order.lines.filter((l) => compareQuantities(l.shipped, '0') > 0);
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [customer, setCustomer] = useState(order.customerName ?? '');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const reasonOptions = (reasons.data?.data ?? []).map((r) => ({ value: r.code, label: r.name }));
  const row = (id: string): Row => rows[id] ?? { quantity: '', reason: null };
  const setRow = (id: string, change: Partial<Row>) => setRows((all) => ({ ...all, [id]: { ...row(id), ...change } }));

  const inputs = (l: SalesOrder['lines'][number]) => [
    <TextInput key="quantity" aria-label={`Quantity of ${l.item.sku} to return`} inputMode="decimal" value={row(l.id).quantity} error={errors[`${l.id}.quantity`]}
      rightSection={<Text size="xs" c="dimmed">{l.item.unit}</Text>} rightSectionWidth={44} onChange={(e) => setRow(l.id, { quantity: e.currentTarget.value })} />,
    <Select key="reason" aria-label={`Reason for returning ${l.item.sku}`} placeholder="Why" data={reasonOptions} value={row(l.id).reason} error={errors[`${l.id}.reason`]}
      onChange={(v) => setRow(l.id, { reason: v })} comboboxProps={{ withinPortal: true }} />,
  ] as const;

  function review() {
    setErrors({});
    setFormError(null);
    const chosen = shipped.filter((l) => row(l.id).quantity.trim() !== '');
    const problems: Record<string, string> = {};
    for (const l of chosen) {
      const checked = checkQuantity(row(l.id).quantity);
      if (!checked.ok) problems[`${l.id}.quantity`] = checked.message;
      if (!row(l.id).reason) problems[`${l.id}.reason`] = 'Choose why it comes back';
    }
    if (chosen.length === 0) return setFormError('Enter a quantity on at least one line.');
    if (Object.keys(problems).length > 0) return setErrors(problems);
    const lines = chosen.map((l) => ({ line: l.id, quantity: row(l.id).quantity.trim().replace(',', '.'), reason: row(l.id).reason ?? '' }));
    const body = { order: order.number, lines, ...(customer.trim() && { customerName: customer.trim() }), ...(notes.trim() && { notes: notes.trim() }) };
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    const key = attempt.current.key;
    setConfirmation({
      title: `Authorise a return for ${order.number}?`, confirmLabel: 'Authorise return',
      message: `${chosen.map((l) => `${formatQuantity(row(l.id).quantity)} × ${l.item.sku}`).join(', ')} may come back (${formatQuantity(sumQuantities(lines.map((l) => l.quantity)))} units). Nothing moves until the goods are received into quality control.`,
      run: async () => {
        try {
          const created = await post<Return>('/api/v1/returns', body, key);
          attempt.current = null;
          navigate(`/returns/${encodeURIComponent(created.number)}`);
        } catch (error) {
          if (error instanceof ApiError) {
            setErrors(Object.fromEntries(error.fieldErrors.flatMap((e) => {
              const match = /^\/lines\/(\d+)\/(quantity|reason|line)$/.exec(e.path);
              const line = match ? lines[Number(match[1])]?.line : undefined;
              return line ? [[`${line}.${match?.[2] === 'reason' ? 'reason' : 'quantity'}`, e.message]] : [];
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
            {shipped.map((l) => (
              <li key={l.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
                <Text fw={600} size="sm">{l.item.sku}</Text>
                <Text size="xs" c="dimmed" lineClamp={1}>{l.item.name}</Text>
                <Text size="xs">Shipped {formatQuantity(l.shipped)} · returnable {formatQuantity(returnable.get(l.id) ?? l.shipped)}</Text>
                <Group gap="xs" mt={4} grow align="flex-start">{inputs(l)}</Group>
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
                {shipped.map((l) => {
                  const [quantity, reason] = inputs(l);
                  return (
                    <Table.Tr key={l.id}>
                      <Table.Th scope="row" fw={400}><Text fw={600} size="sm">{l.item.sku}</Text><Text size="xs" c="dimmed" lineClamp={1}>{l.item.name}</Text></Table.Th>
                      <Table.Td ta="right" ff="monospace">{formatQuantity(l.shipped)}</Table.Td>
                      <Table.Td ta="right" ff="monospace">{formatQuantity(returnable.get(l.id) ?? l.shipped)}</Table.Td>
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

function OrderForm({ number }: { number: string }) {
  const order = useSalesOrder(number);
  return <QueryState query={order} what={`sales order ${number}`}>{(o) => <ReturnForm key={o.id} order={o} />}</QueryState>;
}

/** A return authorised from an order: pick the shipped lines, how many come back and why. */
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
