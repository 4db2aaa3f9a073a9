import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Movement } from '../api/types';
import { useCompact } from '../layout/use-compact';
import { formatDateTime, formatQuantity, kindLabel } from '../lib/format';

/** Where a movement's "document" link leads: its document's movements, or else those posted with it. */
function documentLink(m: Movement): { to: string; label: string } {
  if (m.document) {
    const params = new URLSearchParams({ documentType: m.document.type, documentId: m.document.id });
    return { to: `/movements?${params}`, label: `${m.document.type} …${m.document.id.slice(-6)}` };
  }
  return { to: `/movements?postingId=${encodeURIComponent(m.postingId)}`, label: `posting …${m.postingId.slice(-6)}` };
}

const KIND_COLORS: Record<string, string> = { receipt: 'teal', shipment: 'blue', adjustment: 'orange', reversal: 'red' };

const nowrap = { whiteSpace: 'nowrap' } as const;

/** The lot or serials a movement of a tracked item carried, in a few words. */
function trackedText(m: Movement): string | null {
  if (m.lot) return `lot ${m.lot.number}`;
  const serials = m.serials;
  if (serials.length === 0) return null;
  return serials.length <= 3 ? serials.join(', ') : `${serials.length} serials`;
}

/** On a handheld each movement is a short block instead of a table row. */
function MovementsList({ movements, caption, showItem }: { movements: Movement[]; caption: string; showItem: boolean }) {
  return (
    <Stack component="ul" aria-label={caption} gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
      {movements.map((m) => {
        const doc = documentLink(m);
        return (
          <li key={m.id} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', padding: '8px 0' }}>
            <Group justify="space-between" gap={6} wrap="nowrap">
              <Group gap={6} wrap="nowrap">
                <Badge variant="light" color={KIND_COLORS[m.kind] ?? 'gray'} size="sm" style={{ minWidth: 'max-content' }}>{kindLabel(m.kind)}</Badge>
                {showItem && <Anchor component={Link} to={`/items/${encodeURIComponent(m.item.sku)}`} size="sm" fw={600}>{m.item.sku}</Anchor>}
              </Group>
              <Text ff="monospace" fw={600} size="sm">{formatQuantity(m.quantity)}</Text>
            </Group>
            <Text size="sm">{m.from.code} → {m.to.code}{m.reasonCode && <Text span size="xs" c="dimmed"> · {m.reasonCode}</Text>}{trackedText(m) && <Text span size="xs" c="dimmed"> · {trackedText(m)}</Text>}</Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(m.occurredAt)} · <Anchor component={Link} to={doc.to} size="xs">{doc.label}</Anchor> ·{' '}
              <Anchor component={Link} to={`/audit?actor=${encodeURIComponent(m.actor.id)}`} size="xs">{m.actor.name}</Anchor>
            </Text>
          </li>
        );
      })}
    </Stack>
  );
}

/** Ledger rows: when, what, how much, from where to where, under which document and by whom. */
export function MovementsTable({ movements, caption, showItem = true }: { movements: Movement[]; caption: string; showItem?: boolean }) {
  const compact = useCompact();
  if (movements.length === 0) return <Text c="dimmed" size="sm">No movements.</Text>;
  if (compact) return <MovementsList movements={movements} caption={caption} showItem={showItem} />;
  return (
    <Table.ScrollContainer minWidth={showItem ? 900 : 760}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            {showItem && <Table.Th scope="col">Item</Table.Th>}
            <Table.Th scope="col" ta="right">Quantity</Table.Th>
            <Table.Th scope="col">From → to</Table.Th>
            <Table.Th scope="col">Document</Table.Th>
            <Table.Th scope="col">By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {movements.map((m) => {
            const doc = documentLink(m);
            return (
              <Table.Tr key={m.id}>
                <Table.Td style={nowrap}>{formatDateTime(m.occurredAt)}</Table.Td>
                <Table.Td style={nowrap}>
                  <Badge variant="light" color={KIND_COLORS[m.kind] ?? 'gray'} size="sm" style={{ minWidth: 'max-content' }}>{kindLabel(m.kind)}</Badge>
                  {m.reasonCode && <Text span size="xs" c="dimmed"> {m.reasonCode}</Text>}
                </Table.Td>
                {showItem && <Table.Td style={nowrap}><Anchor component={Link} to={`/items/${encodeURIComponent(m.item.sku)}`}>{m.item.sku}</Anchor></Table.Td>}
                <Table.Td ta="right" ff="monospace">{formatQuantity(m.quantity)}</Table.Td>
                <Table.Td style={nowrap}>{m.from.code} → {m.to.code}{trackedText(m) && <Text size="xs" c="dimmed">{trackedText(m)}</Text>}</Table.Td>
                <Table.Td style={nowrap}><Anchor component={Link} to={doc.to} size="sm">{doc.label}</Anchor></Table.Td>
                <Table.Td style={nowrap}><Anchor component={Link} to={`/audit?actor=${encodeURIComponent(m.actor.id)}`} size="sm">{m.actor.name}</Anchor></Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
