import { ActionIcon, Group, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Fragment, type Dispatch } from 'react';
import type { PurchaseOrder } from '../api/types';
import { useCompact } from '../layout/use-compact';
import { formatQuantity } from '../lib/format';
import { sumQuantities } from '../lib/quantity';
import { hasTracking, LineTracking } from '../operations/line-tracking';
import type { ScanAction, ScanState } from '../operations/scan-lines';
import { planLine, type LinePlan, type ReceiveFlag } from './receive-plan';

interface Row {
  sku: string;
  name: string;
  unit: string;
  ordered: string;
  received: string;
  remaining: string;
  /** What this delivery holds, as typed or scanned; null when not scanned yet. */
  now: string | null;
  plan: LinePlan | null;
}

/** One row per item: the order's open items in line order, then scanned items the order does not have. */
export function receiveRows(order: PurchaseOrder, state: ScanState, tolerance: string): Row[] {
  const planned = order.lines.filter((l) => !l.unplanned);
  const skus = [...new Set([...planned.filter((l) => !l.closed).map((l) => l.item.sku), ...state.lines.map((l) => l.item.sku)])];
  return skus.map((sku) => {
    const mine = planned.filter((l) => l.item.sku === sku);
    const scanned = state.lines.find((l) => l.item.sku === sku);
    const item = scanned?.item ?? mine[0]?.item;
    return {
      sku, name: item?.name ?? '', unit: item?.unit ?? '',
      ordered: sumQuantities(mine.map((l) => l.quantity)), received: sumQuantities(mine.map((l) => l.received)), remaining: sumQuantities(mine.map((l) => l.open)),
      now: scanned?.quantity ?? null, plan: scanned ? planLine(order.lines, sku, scanned.quantity, tolerance) : null,
    };
  });
}

const FLAGS: Record<ReceiveFlag, { color: string; text: (p: LinePlan, tolerance: string) => string } | null> = {
  partial: { color: 'yellow', text: () => 'part' },
  complete: { color: 'green', text: () => 'complete' },
  over: { color: 'orange', text: (_, t) => `over, within ${formatQuantity(t)} %` },
  'over-limit': { color: 'red', text: (_, t) => `over the ${formatQuantity(t)} % tolerance: will be refused` },
  unplanned: { color: 'grape', text: () => 'not on the order' },
  closed: { color: 'red', text: () => 'line closed: refused' },
  invalid: null,
};

function Flag({ plan, tolerance }: { plan: LinePlan | null; tolerance: string }) {
  const flag = plan ? FLAGS[plan.flag] : null;
  if (!plan || !flag) return null;
  return <Text span size="xs" fw={700} c={`${flag.color}.8`}>{flag.text(plan, tolerance)}</Text>;
}

interface Props {
  order: PurchaseOrder;
  state: ScanState;
  dispatch: Dispatch<ScanAction>;
  tolerance: string;
  errors: Record<string, Record<string, string>>;
}

/** What the order expects and what this delivery brings, flagged as it is scanned. */
export function PoReceiveTable({ order, state, dispatch, tolerance, errors }: Props) {
  const compact = useCompact();
  const rows = receiveRows(order, state, tolerance);
  if (rows.length === 0) return <Text c="dimmed" size="sm">Nothing is expected on this order.</Text>;
  const input = (row: Row) => row.now === null ? <Text size="sm" c="dimmed">—</Text> : (
    <TextInput aria-label={`Quantity of ${row.sku}`} value={row.now} inputMode="decimal" readOnly={tracked(row)?.item.tracking === 'serial'} error={errors[row.sku]?.quantity ?? errors[row.sku]?.item}
      rightSection={<Text size="xs" c="dimmed">{row.unit}</Text>} rightSectionWidth={44}
      onChange={(e) => dispatch({ type: 'quantity', sku: row.sku, quantity: e.currentTarget.value })} />
  );
  const remove = (row: Row) => row.now === null ? null : (
    <ActionIcon variant="subtle" color="red" aria-label={`Remove ${row.sku}`} onClick={() => dispatch({ type: 'remove', sku: row.sku })}><IconTrash size={16} aria-hidden /></ActionIcon>
  );
  const flash = (row: Row) => (row.sku === state.lastSku ? 'scan-flash' : undefined);
  // A lot-tracked item's delivery names its lot and dates; a serial item's, one serial per unit.
  const tracked = (row: Row) => state.lines.find((l) => l.item.sku === row.sku && hasTracking(l));
  const tracking = (row: Row) => {
    const line = tracked(row);
    return line ? <LineTracking line={line} dispatch={dispatch} errors={errors[row.sku] ?? {}} mode={{ incoming: true, location: null }} justScanned={row.sku === state.lastSku} /> : null;
  };
  if (compact) {
    return (
      <ul aria-label="Order lines to receive" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {rows.map((row) => (
          <li key={row.sku} className={flash(row)} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} size="sm">{row.sku}</Text>
                <Text size="xs" c="dimmed" lineClamp={1}>{row.name}</Text>
              </div>
              {remove(row)}
            </Group>
            <Text size="xs">Ordered {formatQuantity(row.ordered)} · Received {formatQuantity(row.received)} · Remaining {formatQuantity(row.remaining)}</Text>
            <Group gap="xs" mt={4} align="center">{input(row)}<Flag plan={row.plan} tolerance={tolerance} /></Group>
            {tracked(row) && <div style={{ marginTop: 4 }}>{tracking(row)}</div>}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table verticalSpacing={4} fz="sm">
        <caption className="visually-hidden">Order lines to receive</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col" ta="right">Ordered</Table.Th>
            <Table.Th scope="col" ta="right">Received</Table.Th>
            <Table.Th scope="col" ta="right">Remaining</Table.Th>
            <Table.Th scope="col" w={130}>This delivery</Table.Th>
            <Table.Th scope="col" miw={110}>Check</Table.Th>
            <Table.Th scope="col" w={44}><span className="visually-hidden">Remove</span></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Fragment key={row.sku}>
              <Table.Tr className={flash(row)} data-sku={row.sku}>
                <Table.Th scope="row" fw={400}><Text fw={600} size="sm">{row.sku}</Text><Text size="xs" c="dimmed" lineClamp={1}>{row.name}</Text></Table.Th>
                <Table.Td ta="right" ff="monospace">{formatQuantity(row.ordered)}</Table.Td>
                <Table.Td ta="right" ff="monospace">{formatQuantity(row.received)}</Table.Td>
                <Table.Td ta="right" ff="monospace">{formatQuantity(row.remaining)}</Table.Td>
                <Table.Td>{input(row)}</Table.Td>
                <Table.Td><Flag plan={row.plan} tolerance={tolerance} /></Table.Td>
                <Table.Td>{remove(row)}</Table.Td>
              </Table.Tr>
              {tracked(row) && <Table.Tr className={flash(row)}><Table.Td colSpan={7} pt={0}>{tracking(row)}</Table.Td></Table.Tr>}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
