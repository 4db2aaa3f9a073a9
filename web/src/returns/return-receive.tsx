import { ActionIcon, Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { seg } from '../api/client';
import { useLocationTree } from '../api/queries';
import type { LocationNode } from '../api/types';
import { ConfirmModal, type Confirmation } from '../layout/confirm-modal';
import { useCompact } from '../layout/use-compact';
import { formatLot, formatQuantity } from '../lib/format';
import { subtractQuantities, sumQuantities } from '../lib/quantity';
import { CameraScanner } from '../operations/camera-scanner';
import { LineTracking } from '../operations/line-tracking';
import { ScanBox } from '../operations/scan-box';
import { ScanStatus } from '../operations/scan-status';
import { FormProblem, useOperationSubmit } from '../operations/use-operation-submit';
import { useScanSession } from '../operations/use-scan-session';
import { splitReceipt } from './return-split';
import type { Return, ReturnStepResult } from './return-types';

/** Quality-control places: every location flagged not sellable, as "site › zone › bin". */
export function qcOptions(sites: LocationNode[]): Array<{ group: string; items: Array<{ value: string; label: string }> }> {
  return sites.flatMap((site) => {
    const items: Array<{ value: string; label: string }> = [];
    const walk = (node: LocationNode, trail: string[]) => {
      const path = [...trail, node.code];
      if (!node.sellable && !node.archived) items.push({ value: node.code, label: path.join(' › ') });
      for (const child of node.children) walk(child, path);
    };
    walk(site, []);
    return items.length > 0 ? [{ group: `${site.name} (${site.code})`, items }] : [];
  });
}

function QcSelect({ value, onChange, error }: { value: string | null; onChange: (code: string | null) => void; error?: string | undefined }) {
  const tree = useLocationTree();
  const data = useMemo(() => qcOptions(tree.data?.data ?? []), [tree.data]);
  return (
    <Select label="Quality-control location" description="Not sellable: returned goods wait here until checked" placeholder={tree.isLoading ? 'Loading locations…' : 'Choose a QC bin'}
      data={data} value={value} onChange={onChange} searchable clearable nothingFoundMessage="No not-sellable location matches; flag a zone or bin as not sellable first"
      error={error ?? (tree.error ? `Could not load locations: ${tree.error.message}` : undefined)} comboboxProps={{ withinPortal: true }} />
  );
}


/**
 * Returned goods arriving: choose the QC bin, scan each unit, check against what was authorised,
 * confirm. A serial-tracked item asks the serial of each unit; an item back in several lots asks
 * which lot came (else the lots' lines are filled in order).
 */
export function ReturnReceive({ ret }: { ret: Return }) {
  const session = useScanSession({ tracked: true });
  const [location, setLocation] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const submitter = useOperationSubmit<ReturnStepResult>(session.state, {
    url: `/api/v1/returns/${seg(ret.id)}/receive`,
    fields: ['location'],
    build: (lines) => {
      if (!location) throw new FormProblem('Choose the quality-control location the goods go into.');
      const scanned = lines.map(({ item, quantity, lot, serials }) => ({ item, quantity, ...(typeof lot === 'string' && { lot }), ...(serials && { serials }) }));
      return { location, lines: splitReceipt(ret.lines, scanned) };
    },
    success: (r) => `Received ${r.movements.map((m) => `${formatQuantity(m.quantity)} × ${m.item.sku}${m.lot ? ` lot ${m.lot.number}` : ''}${m.serials.length ? ` (${m.serials.join(', ')})` : ''}`).join(', ')} into ${location ?? ''} on ${r.return.number}`,
    onSuccess: () => session.clear(),
  });
  const compact = useCompact();
  const skus = [...new Set([...ret.lines.map((l) => l.item.sku), ...session.state.lines.map((l) => l.item.sku)])];
  const expected = (sku: string) => sumQuantities(ret.lines.filter((l) => l.item.sku === sku).map((l) => subtractQuantities(l.authorised, l.received)));

  /** One line's parts, laid out as a table row on a desk and as a list item on a handheld. */
  function cells(sku: string) {
    const scanned = session.state.lines.find((l) => l.item.sku === sku);
    const mine = ret.lines.filter((l) => l.item.sku === sku);
    const onReturn = mine.length > 0;
    const lots = [...new Map(mine.flatMap((l) => (l.lot ? [[l.lot.number, l.lot] as const] : []))).values()];
    const awaited = mine.flatMap((l) => l.serials);
    const errors = submitter.lineErrors[sku] ?? {};
    const serialError = errors.serials ?? errors.quantity ?? errors.item;
    return {
      flash: sku === session.state.lastSku ? 'scan-flash' : undefined,
      item: (
        <div>
          <Text fw={600} size="sm">{sku}</Text>
          {lots.length > 0 && <Text size="xs">{lots.map(formatLot).join('; ')}</Text>}
          {awaited.length > 0 && <Text size="xs">serials {awaited.join(', ')}</Text>}
          {!onReturn && <Text size="xs" c="red.8" fw={700}>not on this return: will be refused</Text>}
        </div>
      ),
      expected: onReturn ? formatQuantity(expected(sku)) : '—',
      input: scanned?.item.tracking === 'serial' ? (
        <LineTracking line={scanned} dispatch={session.dispatch} errors={serialError ? { serials: serialError } : {}} mode={{ incoming: false, location }} justScanned={sku === session.state.lastSku} />
      ) : scanned ? (
        <Stack gap={4}>
          <TextInput aria-label={`Quantity of ${sku} received`} value={scanned.quantity} inputMode="decimal" error={errors.quantity ?? errors.item ?? errors.lot}
            onChange={(e) => session.dispatch({ type: 'quantity', sku, quantity: e.currentTarget.value })} />
          {lots.length > 1 && (
            <Select aria-label={`Lot of ${sku} received`} data={[{ value: '', label: 'Lots in line order' }, ...lots.map((l) => ({ value: l.number, label: formatLot(l) }))]}
              value={scanned.lot?.number ?? ''} allowDeselect={false} size="xs" comboboxProps={{ withinPortal: true }}
              onChange={(v) => session.dispatch({ type: 'lot', sku, lot: { number: v ?? '', expiresOn: '', manufacturedOn: '' } })} />
          )}
        </Stack>
      ) : null,
      remove: scanned ? <ActionIcon variant="subtle" color="red" aria-label={`Remove ${sku}`} onClick={() => session.dispatch({ type: 'remove', sku })}><IconTrash size={16} aria-hidden /></ActionIcon> : null,
    };
  }

  function review() {
    const what = session.state.lines.map((l) => `${formatQuantity(l.quantity)} × ${l.item.sku}${l.lot?.number ? ` ${formatLot({ number: l.lot.number, expiresOn: l.lot.expiresOn || null })}` : ''}${l.serials?.length ? ` (${l.serials.join(', ')})` : ''}`).join(', ');
    setConfirmation({
      title: `Receive into ${location ?? 'quality control'}?`, confirmLabel: 'Receive',
      message: `${what || 'Nothing scanned yet'} from the customer into ${location ?? '(choose a location)'}. The units are on hand there but cannot be sold until restocked.`,
      run: () => submitter.submit(),
    });
  }

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Receive returned goods</Title>
      <Stack gap="sm">
        <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
          <QcSelect value={location} onChange={setLocation} error={submitter.fieldErrors.location} />
          <ScanBox onCode={session.onCode} />
        </Group>
        <Group justify="space-between" align="flex-start">
          <ScanStatus state={session.state} message={session.message} />
          <CameraScanner onCode={session.onCode} />
        </Group>
        {compact ? (
          <ul aria-label="Lines to receive" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {skus.map((sku) => {
              const row = cells(sku);
              return (
                <li key={sku} className={row.flash} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
                  <Group justify="space-between" wrap="nowrap">{row.item}{row.remove}</Group>
                  <Text size="xs">Still expected {row.expected}</Text>
                  {row.input}
                </li>
              );
            })}
          </ul>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing={4} fz="sm">
              <caption className="visually-hidden">Lines to receive</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Item</Table.Th>
                  <Table.Th scope="col" ta="right">Still expected</Table.Th>
                  <Table.Th scope="col" w={200}>This receipt</Table.Th>
                  <Table.Th scope="col" w={44}><span className="visually-hidden">Remove</span></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {skus.map((sku) => {
                  const row = cells(sku);
                  return (
                    <Table.Tr key={sku} className={row.flash}>
                      <Table.Th scope="row" fw={400}>{row.item}</Table.Th>
                      <Table.Td ta="right" ff="monospace">{row.expected}</Table.Td>
                      <Table.Td>{row.input ?? <Text size="sm" c="dimmed">—</Text>}</Table.Td>
                      <Table.Td>{row.remove}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {submitter.formError && <Alert color="red" role="alert" title="Not received">{submitter.formError}</Alert>}
        <Group>
          <Button size="md" onClick={review} loading={submitter.submitting} disabled={session.state.lines.length === 0}>Receive</Button>
          <Button size="md" variant="default" onClick={session.clear} disabled={session.state.lines.length === 0}>Clear</Button>
        </Group>
      </Stack>
      <ConfirmModal confirmation={confirmation} onClose={() => setConfirmation(null)} />
    </Paper>
  );
}
