import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../layout/page-header';
import { QueryState } from '../layout/query-state';
import { formatQuantity } from '../lib/format';
import { LocationSelect } from '../operations/location-select';
import { ScanForm } from '../operations/scan-form';
import { FormProblem, useOperationSubmit, type SentLine } from '../operations/use-operation-submit';
import { useScanSession } from '../operations/use-scan-session';
import { useCount, type Count, type CountLine } from './count-queries';

/** What has been counted in the chosen bin so far; never the expected figures (the count may be blind). */
function BinProgress({ lines, bin }: { lines: CountLine[]; bin: string | null }) {
  const here = lines.filter((l) => l.location.code === bin);
  if (!bin) return null;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">In {bin}</Title>
      {here.length === 0 ? <Text size="sm" c="dimmed">Nothing listed here yet; scan what you find.</Text> : (
        <Table fz="sm" verticalSpacing={4}>
          <caption className="visually-hidden">Items to count in {bin}</caption>
          <Table.Thead><Table.Tr><Table.Th scope="col">Item</Table.Th><Table.Th scope="col" ta="right">Counted</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {here.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  {l.item.sku}{l.lot && <Text span size="sm"> · lot {l.lot.number}</Text>}
                  <Text size="xs" c="dimmed" lineClamp={1}>{l.item.name}</Text>
                  {l.serials && l.serials.counted.length > 0 && <Text size="xs" c="dimmed">Serials: {l.serials.counted.join(', ')}</Text>}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">{l.counted === null ? <Text span size="sm" c="dimmed">to count</Text> : formatQuantity(l.counted)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function CountingForm({ count }: { count: Count }) {
  const session = useScanSession({ tracked: true });
  const [bin, setBin] = useState<string | null>(null);
  const submitter = useOperationSubmit<Count>(session.state, {
    url: `/api/v1/counts/${encodeURIComponent(count.id)}/entries`,
    fields: ['location'],
    linesField: 'entries',
    build: (lines) => {
      if (!bin) throw new FormProblem('Choose the bin you are counting.');
      return { entries: lines.map((line) => countEntry(line, bin)) };
    },
    success: () => `Recorded ${session.state.lines.length} item(s) in ${bin ?? ''}`,
    onSuccess: () => session.clear(),
  });
  if (count.status !== 'counting') {
    return <Text size="sm">{count.number} is not being counted now. <Anchor component={Link} to={`/counts/${encodeURIComponent(count.number)}`}>Back to the count</Anchor></Text>;
  }
  return (
    <Stack gap="md">
      <ScanForm
        session={session}
        submitter={submitter}
        submitLabel="Record counts"
        quantityLabel="Counted"
        tracking={{ incoming: false, location: bin, counting: true }}
        settings={
          <>
            <Text size="sm">Count <Anchor component={Link} to={`/counts/${encodeURIComponent(count.number)}`}>{count.number}</Anchor> at {count.site.code}. Each scan adds one; change a quantity by typing. Recording again replaces the earlier figure. A lot-tracked item is counted lot by lot: choose the lot, record, then the next. For a serial-tracked item scan each unit's serial; recording adds them to the serials already counted in the bin.</Text>
            <LocationSelect label="Bin being counted" memory="count" onChange={setBin} error={submitter.fieldErrors.location} />
          </>
        }
      />
      <BinProgress lines={count.lines} bin={bin} />
    </Stack>
  );
}

/** An entry of the count: a lot-tracked line names its lot, a serial-tracked one adds its scanned serials to the bin's. */
function countEntry(line: SentLine, bin: string) {
  if (line.serials) return { item: line.item, location: bin, serials: line.serials, mode: 'add' as const };
  const lot = typeof line.lot === 'string' ? line.lot : line.lot?.number;
  return { item: line.item, location: bin, quantity: line.quantity, ...(lot && { lot }) };
}

/** The handheld counting screen: choose the bin, scan every unit, record. */
export function CountingPage() {
  const { ref = '' } = useParams();
  const query = useCount(ref);
  return (
    <>
      <PageHeader title="Count by scanning" description="Scan first: the scanner box keeps focus between scans." />
      <QueryState query={query} what="the count">{(count) => <CountingForm count={count} />}</QueryState>
    </>
  );
}
