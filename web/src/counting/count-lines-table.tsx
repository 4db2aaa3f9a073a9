import { Badge as MantineBadge, Checkbox, Table, Text, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatMoney, formatQuantity } from '../lib/format';
import type { CountLine } from './count-queries';

/** Notes are short phrases: shown whole rather than cut off with an ellipsis. */
const Badge = (props: BadgeProps & { children: ReactNode }) => <MantineBadge {...props} styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }} />;

const q = (text: string | null) => (text === null ? '—' : formatQuantity(text));

/** A serial line's units: what is missing and what was found where it was not expected (when the reader may see them), else what was scanned. */
function SerialNotes({ serials }: { serials: NonNullable<CountLine['serials']> }) {
  if (serials.missing === null || serials.unexpected === null) {
    return serials.counted.length > 0 ? <Text size="xs" c="dimmed">Scanned: {serials.counted.join(', ')}</Text> : null;
  }
  return (
    <>
      {serials.missing.length > 0 && <Text size="xs" c="red">Missing: {serials.missing.join(', ')}</Text>}
      {serials.unexpected.length > 0 && <Text size="xs" c="grape">Unexpected: {serials.unexpected.join(', ')}</Text>}
    </>
  );
}

/**
 * A count's lines. Expected figures and variances appear only when the server sent them (a blind
 * count sends them to managers only); lines beyond the thresholds are marked and tinted.
 */
export function CountLinesTable({ lines, figures, selectable, selected, onToggle }: {
  lines: CountLine[]; figures: boolean; selectable: boolean; selected: ReadonlySet<string>; onToggle: (id: string) => void;
}) {
  if (lines.length === 0) return <Text c="dimmed" size="sm">No lines yet: starting the count takes the expected stock in its scope.</Text>;
  return (
    <Table.ScrollContainer minWidth={figures ? 820 : 520}>
      <Table verticalSpacing={6} fz="sm">
        <caption className="visually-hidden">Count lines per item and bin</caption>
        <Table.Thead>
          <Table.Tr>
            {selectable && <Table.Th scope="col">Recount</Table.Th>}
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col">Bin</Table.Th>
            {figures && <Table.Th scope="col" ta="right">Expected</Table.Th>}
            <Table.Th scope="col" ta="right">Counted</Table.Th>
            {figures && <Table.Th scope="col" ta="right">On hand at count</Table.Th>}
            {figures && <Table.Th scope="col" ta="right">Variance</Table.Th>}
            {figures && <Table.Th scope="col" ta="right">Value</Table.Th>}
            <Table.Th scope="col">Notes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.id} bg={l.needsApproval ? 'var(--mantine-color-red-light)' : undefined}>
              {selectable && (
                <Table.Td>
                  <Checkbox aria-label={`Recount ${l.item.sku}${l.lot ? ` lot ${l.lot.number}` : ''} at ${l.location.code}`} checked={selected.has(l.id)} onChange={() => onToggle(l.id)} />
                </Table.Td>
              )}
              <Table.Td>
                <Text fw={600} size="sm">{l.item.sku}</Text><Text size="xs" c="dimmed" lineClamp={1}>{l.item.name}</Text>
                {l.lot && <Text size="xs">Lot {l.lot.number}{l.lot.expiresOn && ` · expires ${l.lot.expiresOn}`}</Text>}
                {l.serials && <SerialNotes serials={l.serials} />}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.location.code}</Table.Td>
              {figures && <Table.Td ta="right" ff="monospace">{q(l.expected)}</Table.Td>}
              <Table.Td ta="right" ff="monospace">{l.counted === null ? <Text span c="dimmed" size="sm">not counted</Text> : formatQuantity(l.counted)}</Table.Td>
              {figures && <Table.Td ta="right" ff="monospace">{q(l.onHandAtCount)}</Table.Td>}
              {figures && <Table.Td ta="right" ff="monospace" fw={l.variance && l.variance !== '0' ? 700 : undefined}>{q(l.variance)}</Table.Td>}
              {figures && <Table.Td ta="right" ff="monospace">{l.varianceValue === null ? '—' : formatMoney(l.varianceValue)}</Table.Td>}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {l.needsApproval && <Badge color="red" variant="filled" tt="none" mr={4}>Over threshold</Badge>}
                {l.unplanned && <Badge color="grape" variant="light" tt="none" mr={4}>Found</Badge>}
                {l.recounts > 0 && <Badge color="blue" variant="light" tt="none" mr={4}>Recount {l.recounts}{l.previousCounted !== null ? ` (was ${formatQuantity(l.previousCounted)})` : ''}</Badge>}
                {l.reasonCode && <Badge color="gray" variant="light" tt="none">{l.reasonCode}</Badge>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
