import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { seg } from '../api/client';
import { usePurchaseOrder, useSupplier } from '../api/purchasing-queries';
import type { PurchaseOrder, ReceiptResult } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { formatQuantity } from '../lib/format';
import { sumQuantities } from '../lib/quantity';
import { SiteLocationSelect } from '../locations/site-select';
import { CameraScanner } from '../operations/camera-scanner';
import { ScanBox } from '../operations/scan-box';
import { ScanStatus } from '../operations/scan-status';
import { FormProblem, useOperationSubmit } from '../operations/use-operation-submit';
import { useScanSession } from '../operations/use-scan-session';
import { PoReceiveTable } from './po-receive-table';
import { PoSelect } from './po-select';
import { CAN, StatusBadge } from './po-status';

function ReceiveInto({ order, session }: { order: PurchaseOrder; session: ReturnType<typeof useScanSession> }) {
  const supplier = useSupplier(order.supplier.code);
  const tolerance = supplier.data?.overReceiptTolerance ?? '0';
  const [location, setLocation] = useState<string | null>(null);
  const [reference, setReference] = useState('');
  useEffect(() => setLocation(null), [order.site.code]);
  const submitter = useOperationSubmit<ReceiptResult>(session.state, {
    url: `/api/v1/purchase-orders/${seg(order.id)}/receipts`,
    fields: ['location', 'reference'],
    incoming: true,
    build: (lines) => {
      if (!location) throw new FormProblem(`Choose the bin at ${order.site.code} the goods go into.`);
      return { location, lines: lines.map(({ item, quantity, lot, serials }) => ({ item, quantity, ...(lot && { lot }), ...(serials && { serials }) })), ...(reference.trim() && { reference: reference.trim() }) };
    },
    success: (r) => `Received ${r.receipt.lines.map((l) => `${formatQuantity(l.quantity)} × ${l.item.sku}`).join(', ')} into ${r.receipt.lines[0]?.location.code ?? location} on ${r.purchaseOrder.number}`,
    onSuccess: () => {
      session.clear();
      setReference('');
    },
  });
  const units = sumQuantities(session.state.lines.map((l) => (/^\d+(\.\d+)?$/.test(l.quantity.trim()) ? l.quantity.trim() : '0')));

  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text size="sm">
              <StatusBadge status={order.status} /> {order.supplier.name} → <b>{order.site.code}</b>
              {supplier.data && <Text span size="xs" c="dimmed"> · over-receipt up to {formatQuantity(tolerance)} %</Text>}
            </Text>
            <SiteLocationSelect site={order.site.code} label="Receive into" value={location} onChange={setLocation} error={submitter.fieldErrors.location} />
            <TextInput label="Delivery note" description="Reference; defaults to the order number" value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={submitter.fieldErrors.reference} />
            <Anchor component={Link} to={`/purchase-orders/${encodeURIComponent(order.number)}`} size="sm">Open {order.number}</Anchor>
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <ScanBox onCode={session.onCode} />
            <Group justify="space-between" align="flex-start">
              <ScanStatus state={session.state} message={session.message} />
              <CameraScanner onCode={session.onCode} />
            </Group>
            <PoReceiveTable order={order} state={session.state} dispatch={session.dispatch} tolerance={tolerance} errors={submitter.lineErrors} />
            {session.state.lines.length > 0 && <Text size="sm" aria-live="polite">This delivery: {formatQuantity(units)} units of {session.state.lines.length} item(s)</Text>}
            {submitter.formError && <Alert color="red" role="alert" title="Not received">{submitter.formError}</Alert>}
            <Group>
              <Button size="md" onClick={() => void submitter.submit()} loading={submitter.submitting} disabled={session.state.lines.length === 0}>Receive</Button>
              <Button size="md" variant="default" onClick={session.clear} disabled={session.state.lines.length === 0}>Clear</Button>
            </Group>
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

/** Goods arriving against a purchase order: choose the order and the bin, scan, check against what was ordered, post. */
export function ReceivePoPage() {
  const [params, setParams] = useSearchParams();
  const number = params.get('po');
  const order = usePurchaseOrder(number);
  const session = useScanSession({ tracked: true });
  const { clear } = session;
  useEffect(() => clear(), [number, clear]);

  return (
    <>
      <PageHeader title="Receive an order" description="Scan each unit as it comes off the truck; the order shows what is still expected." />
      <Stack gap="md">
        <Paper withBorder p="md" maw={560}>
          <PoSelect value={number} onChange={(v) => setParams((p) => { if (v) p.set('po', v); else p.delete('po'); return p; }, { replace: true })} />
        </Paper>
        {order.error && <Alert color="red" role="alert" title={`Could not load ${number}`}>{order.error.message}</Alert>}
        {order.data && !CAN.receive(order.data.status) && (
          <Alert color="yellow" title={`${order.data.number} cannot be received`}>It is {order.data.status.replace('_', ' ')}; only ordered orders take goods in.</Alert>
        )}
        {order.data && CAN.receive(order.data.status) && <ReceiveInto order={order.data} session={session} />}
      </Stack>
    </>
  );
}
