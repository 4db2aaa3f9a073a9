import { Anchor, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { del, patch, post, seg } from '../api/client';
import type { PurchaseOrder, PurchaseOrderLine } from '../api/types';
import type { Confirmation } from '../layout/confirm-modal';
import { useCompact } from '../layout/use-compact';
import { formatMoney, formatQuantity } from '../lib/format';
import { CAN } from './po-status';
import { LINE_STATE_LABELS, lineState, type LineState } from './po-line-state';
import { PoLineForm } from './po-line-form';

const STATE_COLORS: Partial<Record<LineState, string>> = { received: 'green', partial: 'yellow', over: 'orange', 'closed-short': 'red', unplanned: 'grape' };

interface Props {
  order: PurchaseOrder;
  /** Runs an action and refreshes the order. */
  onChanged: (message: string) => Promise<void>;
  confirm: (c: Confirmation) => void;
}

function LineActions({ order, line, onEdit, onChanged, confirm }: Props & { line: PurchaseOrderLine; onEdit: () => void }) {
  const base = `/api/v1/purchase-orders/${seg(order.id)}/lines/${seg(line.id)}`;
  const sku = line.item.sku;
  if (CAN.edit(order.status)) {
    return (
      <Group gap={4} wrap="nowrap">
        <Button size="xs" variant="default" onClick={onEdit} aria-label={`Change line ${line.lineNo} (${sku})`}>Change</Button>
        <Button size="xs" variant="subtle" color="red" aria-label={`Remove line ${line.lineNo} (${sku})`} onClick={() => confirm({
          title: `Remove line ${line.lineNo}?`, message: `${formatQuantity(line.quantity)} × ${sku} leaves the draft.`, confirmLabel: 'Remove line', danger: true,
          run: async () => { await del(base); await onChanged(`Line ${line.lineNo} removed`); },
        })}>Remove</Button>
      </Group>
    );
  }
  if (CAN.closeLine(order.status) && !line.closed && !line.unplanned) {
    return (
      <Button size="xs" variant="default" aria-label={`Close line ${line.lineNo} (${sku}) short`} onClick={() => confirm({
        title: `Close line ${line.lineNo} short?`, confirmLabel: 'Close line', danger: true, withNote: true,
        message: `The remaining ${formatQuantity(line.open)} × ${sku} will no longer be expected; the shortfall is reported as a discrepancy.`,
        run: async (note) => { await post(`${base}/close`, note ? { note } : {}); await onChanged(`Line ${line.lineNo} closed short`); },
      })}>Close short</Button>
    );
  }
  return null;
}

function StateBadge({ state }: { state: LineState }) {
  const color = STATE_COLORS[state];
  return <Text span size="xs" fw={700} c={color ? `${color}.8` : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>{LINE_STATE_LABELS[state]}</Text>;
}

/** The order's lines: what was ordered, what arrived, what is still awaited; drafts change here, open lines close short here. */
export function PoLines(props: Props) {
  const { order } = props;
  const compact = useCompact();
  const [editing, setEditing] = useState<PurchaseOrderLine | null>(null);
  if (order.lines.length === 0) return <Text c="dimmed" size="sm">No lines yet.</Text>;
  const item = (l: PurchaseOrderLine) => (
    <>
      <Anchor component={Link} to={`/items/${encodeURIComponent(l.item.sku)}`} size="sm" fw={600}>{l.item.sku}</Anchor>
      <Text size="xs" c="dimmed" lineClamp={1}>{l.item.name}{l.supplierSku && ` · ${l.supplierSku}`}</Text>
    </>
  );
  const price = (l: PurchaseOrderLine) => (l.unitPrice === null ? 'no price' : `${formatMoney(l.unitPrice)} → ${formatMoney(l.lineTotal)}`);
  const editModal = (
    <Modal opened={editing !== null} onClose={() => setEditing(null)} title={`Change line ${editing?.lineNo ?? ''} (${editing?.item.sku ?? ''})`}>
      {editing && (
        <PoLineForm
          initial={{ item: editing.item.sku, quantity: editing.quantity, unitPrice: '' }} withItem={false} submitLabel="Save line" onCancel={() => setEditing(null)}
          onSubmit={async (v) => {
            const price = v.unitPrice.trim().replace(',', '.');
            await patch(`/api/v1/purchase-orders/${seg(order.id)}/lines/${seg(editing.id)}`, { quantity: v.quantity.trim().replace(',', '.'), ...(price && { unitPrice: price }) });
            setEditing(null);
            await props.onChanged(`Line ${editing.lineNo} changed`);
          }}
        />
      )}
    </Modal>
  );

  if (compact) {
    return (
      <>
        <ul aria-label="Order lines" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {order.lines.map((l) => (
            <li key={l.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>{item(l)}</div>
                <StateBadge state={lineState(l, order.status)} />
              </Group>
              <Text size="xs">Ordered {formatQuantity(l.quantity)} · Received {formatQuantity(l.received)} · Open {formatQuantity(l.open)}{l.returned !== '0' && ` · Returned ${formatQuantity(l.returned)}`}</Text>
              <Text size="xs" c="dimmed">{price(l)}</Text>
              <LineActions {...props} line={l} onEdit={() => setEditing(l)} />
            </li>
          ))}
        </ul>
        {editModal}
      </>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing={6} fz="sm" striped>
          <caption className="visually-hidden">Order lines</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">#</Table.Th>
              <Table.Th scope="col">Item</Table.Th>
              <Table.Th scope="col" ta="right">Ordered</Table.Th>
              <Table.Th scope="col" ta="right">Received</Table.Th>
              <Table.Th scope="col" ta="right">Returned</Table.Th>
              <Table.Th scope="col" ta="right">Open</Table.Th>
              <Table.Th scope="col" ta="right">Price → total</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col"><span className="visually-hidden">Actions</span></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.lines.map((l) => (
              <Table.Tr key={l.id} data-line={l.lineNo}>
                <Table.Td>{l.lineNo}</Table.Td>
                <Table.Th scope="row" fw={400}>{item(l)}</Table.Th>
                <Table.Td ta="right" ff="monospace">{formatQuantity(l.quantity)}</Table.Td>
                <Table.Td ta="right" ff="monospace">{formatQuantity(l.received)}</Table.Td>
                <Table.Td ta="right" ff="monospace">{formatQuantity(l.returned)}</Table.Td>
                <Table.Td ta="right" ff="monospace">{formatQuantity(l.open)}</Table.Td>
                <Table.Td ta="right" ff="monospace" style={{ whiteSpace: 'nowrap' }}>{price(l)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><StateBadge state={lineState(l, order.status)} /></Table.Td>
                <Table.Td><LineActions {...props} line={l} onEdit={() => setEditing(l)} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editModal}
    </>
  );
}
