import { Button, Group, Table, Text } from '@mantine/core';
import { useCompact } from '../layout/use-compact';
import { formatDateTime, formatLot, formatQuantity } from '../lib/format';
import { compareQuantities } from '../lib/quantity';
import type { Return, ReturnLine } from './return-types';

const ACTIONS = { receipt: 'Received', restock: 'Restocked', scrap: 'Scrapped' } as const;

/** The lot (number and expiry) or serials a line or step is about, as one short text; empty for untracked items. */
export function trackingText(of: { lot: { number: string; expiresOn: string | null } | null; serials: readonly string[] }): string {
  if (of.lot) return formatLot(of.lot);
  return of.serials.length > 0 ? `serials ${of.serials.join(', ')}` : '';
}

/** A line as its buttons and dialogs name it: the SKU, and the lot when it has one (a return may hold several lots of one item). */
export const lineName = (l: ReturnLine) => `${l.item.sku}${l.lot ? ` lot ${l.lot.number}` : ''}`;

function Tracking({ of }: { of: Parameters<typeof trackingText>[0] }) {
  const text = trackingText(of);
  return text ? <Text size="xs">{text}</Text> : null;
}

/** A return's lines: what was authorised, what came back, and where it went. */
export function ReturnLinesTable({ ret, onDispose }: { ret: Return; onDispose: ((line: ReturnLine) => void) | null }) {
  const compact = useCompact();
  const action = (l: ReturnLine) => onDispose && compareQuantities(l.inQc, '0') > 0
    ? <Button size="compact-sm" variant="light" onClick={() => onDispose(l)} aria-label={`Restock or scrap ${lineName(l)}`}>Restock or scrap</Button>
    : null;
  if (compact) {
    return (
      <ul aria-label="Return lines" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {ret.lines.map((l) => (
          <li key={l.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} size="sm">{l.item.sku}</Text>
                <Text size="xs" c="dimmed" lineClamp={1}>{l.item.name} · {l.reasonCode}</Text>
                <Tracking of={l} />
              </div>
              {action(l)}
            </Group>
            <Text size="xs">Authorised {formatQuantity(l.authorised)} · received {formatQuantity(l.received)} · restocked {formatQuantity(l.restocked)} · scrapped {formatQuantity(l.scrapped)} · <b>in QC {formatQuantity(l.inQc)}</b></Text>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing={4} fz="sm">
        <caption className="visually-hidden">Return lines</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col">Reason</Table.Th>
            <Table.Th scope="col" ta="right">Authorised</Table.Th>
            <Table.Th scope="col" ta="right">Received</Table.Th>
            <Table.Th scope="col" ta="right">Restocked</Table.Th>
            <Table.Th scope="col" ta="right">Scrapped</Table.Th>
            <Table.Th scope="col" ta="right">In QC</Table.Th>
            {onDispose && <Table.Th scope="col"><span className="visually-hidden">Actions</span></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ret.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Th scope="row" fw={400}>
                <Text fw={600} size="sm">{l.item.sku}</Text>
                <Text size="xs" c="dimmed" lineClamp={1}>{l.item.name}{l.orderLine ? ` · order line ${l.orderLine.lineNo}` : ''}</Text>
                <Tracking of={l} />
              </Table.Th>
              <Table.Td>{l.reasonCode}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatQuantity(l.authorised)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatQuantity(l.received)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatQuantity(l.restocked)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatQuantity(l.scrapped)}</Table.Td>
              <Table.Td ta="right" ff="monospace" fw={compareQuantities(l.inQc, '0') > 0 ? 700 : undefined}>{formatQuantity(l.inQc)}</Table.Td>
              {onDispose && <Table.Td>{action(l)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Each receipt, restock and scrap, oldest first, with the reason it was given. */
export function ReturnHistory({ ret }: { ret: Return }) {
  const compact = useCompact();
  if (ret.history.length === 0) return <Text c="dimmed" size="sm">Nothing has been received yet.</Text>;
  if (compact) {
    return (
      <ul aria-label="Return history, oldest first" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {ret.history.map((h) => (
          <li key={h.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
            <Text size="sm"><b>{ACTIONS[h.action]}</b> {formatQuantity(h.quantity)} × {h.item.sku}</Text>
            <Tracking of={h} />
            <Text size="xs">{h.from.code} → {h.to.code} · {h.reasonCode ?? 'no reason'}{h.note ? ` · ${h.note}` : ''}</Text>
            <Text size="xs" c="dimmed">{formatDateTime(h.occurredAt)} · {h.by.name}</Text>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing={4} fz="sm">
        <caption className="visually-hidden">Return history, oldest first</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Step</Table.Th>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col" ta="right">Quantity</Table.Th>
            <Table.Th scope="col">From → to</Table.Th>
            <Table.Th scope="col">Reason</Table.Th>
            <Table.Th scope="col">By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ret.history.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.occurredAt)}</Table.Td>
              <Table.Td>{ACTIONS[h.action]}</Table.Td>
              <Table.Td>{h.item.sku}<Tracking of={h} /></Table.Td>
              <Table.Td ta="right" ff="monospace">{formatQuantity(h.quantity)}</Table.Td>
              <Table.Td>{h.from.code} → {h.to.code}</Table.Td>
              <Table.Td>{h.reasonCode ?? '—'}{h.note ? <Text size="xs" c="dimmed">{h.note}</Text> : null}</Table.Td>
              <Table.Td>{h.by.name}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
