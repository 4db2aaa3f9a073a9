import { Alert, Button, Checkbox, Group, List, Paper, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, post } from '../api/client';
import { useLocationTree } from '../api/queries';
import type { Problem, SalesOrder } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { newIdempotencyKey } from '../lib/idempotency';
import { placeProblem } from '../lib/place-problem';
import { formatQuantity } from '../lib/format';
import { locationOptions } from '../operations/location-select';
import { ADDRESS_KEYS, addressBody, AddressFields, EMPTY_ADDRESS, type AddressValues } from './address-fields';
import { ChannelSelect } from './channel-select';
import { emptyLine, OrderLineEditor, type DraftLine } from './order-line-editor';

type Shortfall = NonNullable<Problem['shortfalls']>[number];

/** "Line 2 · ROPE: 5 requested, 3 available on WEB" for each line the channel could not reserve. */
function ShortfallAlert({ shortfalls }: { shortfalls: Shortfall[] }) {
  return (
    <Alert color="red" role="alert" title="Not enough stock: nothing was reserved">
      <List size="sm">
        {shortfalls.map((s) => {
          const line = Number(/^\/lines\/(\d+)\//.exec(s.path)?.[1] ?? -1) + 1;
          return <List.Item key={s.path}>Line {line > 0 ? line : '?'} · {s.item}: {formatQuantity(s.requested)} requested, only {formatQuantity(s.available)} available on {s.location}</List.Item>;
        })}
      </List>
    </Alert>
  );
}

/** A phone order typed in by hand: channel, customer, address, lines. Stock is reserved on creation, every line or none. */
export function NewSalesOrderPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const tree = useLocationTree();
  const locations = useMemo(() => locationOptions(tree.data?.data ?? [], true), [tree.data]);
  const [channel, setChannel] = useState<string | null>(params.get('channel'));
  const [customerName, setCustomerName] = useState('');
  const [externalId, setExternalId] = useState('');
  const [address, setAddress] = useState<AddressValues>(EMPTY_ADDRESS);
  const [location, setLocation] = useState<string | null>(null);
  const [hold, setHold] = useState(false);
  const [holdMinutes, setHoldMinutes] = useState('30');
  const [notes, setNotes] = useState('');
  const [lines, setLines] = useState<DraftLine[]>(() => [emptyLine()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [shortfalls, setShortfalls] = useState<Shortfall[]>([]);
  const [busy, setBusy] = useState(false);
  const attempt = useRef<{ body: string; key: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    setShortfalls([]);
    const minutes = Number(holdMinutes.trim());
    const local: Record<string, string> = {
      ...(!channel && { channel: 'Choose the channel the order comes from' }),
      ...(hold && !(Number.isInteger(minutes) && minutes > 0) && { holdTtlSeconds: 'Whole minutes, at least 1' }),
    };
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    const used = lines.filter((l) => l.item.trim() || l.quantity.trim());
    const body = {
      channel, ...(externalId.trim() && { externalId: externalId.trim() }), ...(customerName.trim() && { customerName: customerName.trim() }),
      ...(addressBody(address) && { address: addressBody(address) }), ...(location && { location }), ...(hold && { holdTtlSeconds: minutes * 60 }),
      ...(notes.trim() && { notes: notes.trim() }),
      lines: used.map((l) => ({ item: l.item.trim(), quantity: l.quantity.trim().replace(',', '.') })),
    };
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    setBusy(true);
    try {
      const order = await post<SalesOrder>('/api/v1/sales-orders', body, attempt.current.key);
      await queryClient.invalidateQueries();
      notifications.show({ color: 'green', message: `${order.number} created: ${order.status === 'backordered' ? 'part of it is backordered' : 'every line reserved'}` });
      navigate(`/sales-orders/${encodeURIComponent(order.number)}`);
    } catch (error) {
      setLines(used.length > 0 ? used : lines);
      const keys = ['channel', 'externalId', 'customerName', 'location', 'holdTtlSeconds', 'notes', ...ADDRESS_KEYS, ...used.flatMap((_, i) => [`lines.${i}.item`, `lines.${i}.quantity`])];
      const placed = placeProblem(error, keys);
      setErrors(placed.fields);
      const short = error instanceof ApiError ? error.problem.shortfalls ?? [] : [];
      setShortfalls(short);
      setFormError(short.length > 0 ? null : placed.formError);
      // The new key matters only when the body changes; a refused order may be sent again as it is once stock arrives.
      attempt.current = null;
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title="New sales order" description="A phone or counter order. Stock is reserved when it is created: every line, or none." />
      <Paper withBorder p="md" maw={960}>
        <form onSubmit={(e) => void submit(e)} noValidate aria-label="New sales order">
          <Stack gap="md">
            {formError && <Alert color="red" role="alert" title="The order was not created">{formError}</Alert>}
            {shortfalls.length > 0 && <ShortfallAlert shortfalls={shortfalls} />}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <ChannelSelect value={channel} onChange={setChannel} error={errors.channel} />
              <TextInput label="Customer" value={customerName} onChange={(e) => setCustomerName(e.currentTarget.value)} error={errors.customerName} />
              <TextInput label="Customer reference" description="Optional; the same reference never makes a second order" value={externalId} onChange={(e) => setExternalId(e.currentTarget.value)} error={errors.externalId} />
            </SimpleGrid>
            <div>
              <Title order={2} size="h5" mb={6}>Lines</Title>
              <OrderLineEditor lines={lines} onChange={setLines} errors={errors} />
            </div>
            <div>
              <Title order={2} size="h5" mb={6}>Deliver to</Title>
              <AddressFields value={address} onChange={setAddress} errors={errors} />
            </div>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label="Ship from" description="Blank: the channel’s routing rules choose the site" placeholder="Let routing choose" data={locations} value={location} onChange={setLocation}
                searchable clearable error={errors.location} nothingFoundMessage="No location matches" comboboxProps={{ withinPortal: true }} />
              <Stack gap={6}>
                <Checkbox mt={{ base: 0, sm: 28 }} label="Checkout hold: release the stock unless confirmed in time" checked={hold} onChange={(e) => setHold(e.currentTarget.checked)} />
                {hold && <TextInput label="Hold for (minutes)" inputMode="numeric" value={holdMinutes} onChange={(e) => setHoldMinutes(e.currentTarget.value)} error={errors.holdTtlSeconds} w={180} />}
              </Stack>
            </SimpleGrid>
            <Textarea label="Notes" autosize minRows={1} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
            <Group>
              <Button type="submit" loading={busy}>Create order</Button>
              <Button variant="default" onClick={() => navigate('/sales-orders')}>Cancel</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
