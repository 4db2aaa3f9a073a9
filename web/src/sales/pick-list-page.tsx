import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Progress, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconTruck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, post, seg } from '../api/client';
import { usePickList } from '../api/sales-order-queries';
import type { PickList } from '../api/types';
import { ConfirmModal, type Confirmation } from '../layout/confirm-modal';
import { PageHeader } from '../layout/page-header';
import { QueryState } from '../layout/query-state';
import { formatQuantity } from '../lib/format';
import { newIdempotencyKey } from '../lib/idempotency';
import { checkQuantity, sumQuantities } from '../lib/quantity';
import { beep } from '../lib/sound';
import { CameraScanner } from '../operations/camera-scanner';
import { ScanBox } from '../operations/scan-box';
import type { ScanMessage } from '../operations/use-scan-session';
import { useItemResolver } from '../operations/use-item-resolver';
import { binForItem, binOf, binsOf, nextStop, pickProgress } from './pick-figures';
import { PickLinesTable } from './pick-lines-table';
import { shipPicked } from './ship-picked';

function Feedback({ message }: { message: ScanMessage | null }) {
  if (message?.tone === 'error') return <Alert color="red" variant="filled" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />} p="xs">{message.text}</Alert>;
  if (message?.tone === 'ok') return <Text size="sm" c="green.8" role="status"><IconCircleCheck size={14} aria-hidden style={{ verticalAlign: -2 }} /> {message.text}</Text>;
  return null;
}

function Picking({ list }: { list: PickList }) {
  const queryClient = useQueryClient();
  const resolve = useItemResolver();
  const [bin, setBin] = useState<string | null>(null);
  const [perScan, setPerScan] = useState('1');
  const [message, setMessage] = useState<ScanMessage | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const latest = useRef({ list, bin, perScan });
  latest.current = { list, bin, perScan };
  // Scans are booked one after another, in the order they were made, even when the network is slower than the scanner.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const handle = useCallback(async (code: string) => {
    const { list: now, bin: at, perScan: each } = latest.current;
    const scannedBin = binOf(now, code);
    if (scannedBin) {
      setBin(scannedBin);
      const stop = nextStop(now, scannedBin);
      beep('ok');
      setMessage({ tone: 'ok', text: stop?.location.code === scannedBin ? `At ${scannedBin}: pick ${formatQuantity(stop.remaining)} × ${stop.item.sku}` : `At ${scannedBin}: nothing left to pick here` });
      return;
    }
    try {
      const sku = now.lines.find((l) => l.item.sku.toUpperCase() === code.toUpperCase())?.item.sku ?? (await resolve(code)).sku;
      const from = binForItem(now, sku, at);
      if (!from) throw new Error(`${sku} is not on ${now.number}, or all of it is picked`);
      const q = checkQuantity(each);
      if (!q.ok) throw new Error(`Quantity per scan: ${q.message}`);
      const after = await post<PickList>(`/api/v1/pick-lists/${seg(now.id)}/confirm`, { item: sku, bin: from, quantity: q.text }, newIdempotencyKey());
      queryClient.setQueriesData<PickList>({ queryKey: ['pick-lists', 'one'] }, (old) => (old?.id === after.id ? after : old));
      latest.current = { ...latest.current, list: after, bin: from };
      setBin(from);
      setPerScan('1');
      const left = sumQuantities(after.lines.filter((l) => l.item.sku === sku && l.location.code === from).map((l) => l.remaining));
      beep('ok');
      setMessage({ tone: 'ok', text: `Picked ${formatQuantity(q.text)} × ${sku} from ${from}${left !== '0' ? ` · ${formatQuantity(left)} more here` : ' · done here'}` });
    } catch (error) {
      beep('error');
      const text = error instanceof ApiError ? [error.message, ...error.fieldErrors.map((f) => f.message)].filter((m, i, all) => all.indexOf(m) === i).join(' · ') : error instanceof Error ? error.message : String(error);
      setMessage({ tone: 'error', text: `Not picked: ${text}` });
    }
  }, [queryClient, resolve]);

  const onCode = useCallback((code: string) => {
    queue.current = queue.current.then(() => handle(code));
  }, [handle]);

  const progress = pickProgress(list);
  const stop = nextStop(list, bin);
  const bins = binsOf(list);
  const anyPicked = list.lines.some((l) => l.picked !== '0');

  function confirmShip() {
    setConfirmation({
      title: `Ship what was picked on ${list.number}?`, confirmLabel: 'Ship',
      message: `Each order ships the units picked for it (${list.orders.map((o) => o.number).join(', ')}). What was not picked stays held.`,
      run: async () => {
        const { shipped, failed } = await shipPicked(list.orders.map((o) => o.number));
        await queryClient.invalidateQueries();
        if (failed.length > 0) throw new Error(`${shipped.length > 0 ? `Shipped ${shipped.join(', ')}. ` : ''}Not shipped: ${failed.join('; ')}`);
        setMessage({ tone: 'ok', text: shipped.length > 0 ? `Shipped ${shipped.join(', ')}` : 'Nothing picked is waiting to ship' });
      },
    });
  }

  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Group gap="xs">
              <Badge component="span" variant="light" color={list.status === 'done' ? 'green' : 'blue'}>{list.status === 'done' ? 'Done' : 'Open'}</Badge>
              <Text size="sm">Orders: {list.orders.map((o, i) => <span key={o.id}>{i > 0 && ', '}<Anchor component={Link} to={`/sales-orders/${encodeURIComponent(o.number)}`} size="sm">{o.number}</Anchor></span>)}</Text>
            </Group>
            <div>
              <Text size="sm" fw={600} role="status" aria-live="polite" data-testid="pick-progress">{formatQuantity(progress.picked)} of {formatQuantity(progress.total)} units picked</Text>
              <Progress value={progress.percent} aria-label="Pick progress" mt={4} color={progress.percent === 100 ? 'green' : 'blue'} />
            </div>
            {stop ? (
              <Paper bg="blue.0" p="sm" radius="sm" aria-label="Next pick" role="region">
                <Text size="xs" tt="uppercase" fw={600} c="dimmed">Next</Text>
                <Text size="xl" fw={800} ff="monospace">{stop.location.code}</Text>
                <Text size="sm">{formatQuantity(stop.remaining)} × <b>{stop.item.sku}</b> {stop.item.name}</Text>
                <Text size="xs" c="dimmed">for {stop.order.number}</Text>
              </Paper>
            ) : (
              <Alert color="green" title="Everything is picked">Ship the picked orders now.</Alert>
            )}
            {list.status === 'open' && <ScanBox onCode={onCode} />}
            <Group justify="space-between" align="flex-start">
              <Feedback message={message} />
              {list.status === 'open' && <CameraScanner onCode={onCode} />}
            </Group>
            <Group grow align="flex-start" gap="sm">
              <Select label="Picking at bin" description="Scan its label, or choose" placeholder="Choose a bin" data={bins} value={bin} onChange={setBin} clearable comboboxProps={{ withinPortal: true }} />
              <TextInput label="Quantity per scan" description="Back to 1 after a scan" inputMode="decimal" value={perScan} onChange={(e) => setPerScan(e.currentTarget.value)} />
            </Group>
            <Button size="md" leftSection={<IconTruck size={18} aria-hidden />} disabled={!anyPicked} onClick={confirmShip}>Ship picked orders</Button>
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder p="md">
          <PickLinesTable list={list} bin={bin} />
        </Paper>
      </Grid.Col>
      <ConfirmModal confirmation={confirmation} onClose={() => setConfirmation(null)} />
    </Grid>
  );
}

/** A handheld's pick screen: walk the bins in order, scan each bin and each unit; an over-pick is refused on the spot. */
export function PickListPage() {
  const { ref = '' } = useParams();
  const list = usePickList(ref);
  const number = list.data?.number;
  return (
    <>
      <PageHeader title={number ?? ref} description="Scan the bin, then each unit you take from it. The list is sorted in walking order." />
      <QueryState query={list} what={`pick list ${ref}`}>{(l) => <Picking list={l} />}</QueryState>
      <Anchor component={Link} to="/pick-ship" size="sm" mt="md" display="inline-block">Back to pick & ship</Anchor>
    </>
  );
}
