import { Button, CloseButton, Group, Pill, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { kindLabel } from '../lib/format';

const KINDS = ['receipt', 'shipment', 'transfer', 'transfer_out', 'transfer_in', 'adjustment', 'reversal', 'move', 'production', 'consumption', 'return', 'scrap'];
/** Filters set by following a link (a document, a posting) rather than typed here. */
export const LINK_FILTERS = { documentType: 'Document type', documentId: 'Document', postingId: 'Posting' } as const;

export type FilterValues = Record<'item' | 'location' | 'kind' | 'from' | 'to' | keyof typeof LINK_FILTERS, string>;

/** The ledger's filters; they apply on "Apply" so a half-typed SKU does not fire a query per key. */
export function MovementFilters({ values, onApply }: { values: FilterValues; onApply: (values: Partial<FilterValues>) => void }) {
  const [draft, setDraft] = useState(values);
  useEffect(() => setDraft(values), [values]);
  const set = (name: keyof FilterValues) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ item: draft.item.trim(), location: draft.location.trim(), kind: draft.kind, from: draft.from, to: draft.to });
  }

  return (
    <form onSubmit={submit} aria-label="Filter movements">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="xs">
        <TextInput label="Item (SKU)" value={draft.item} onChange={(e) => set('item')(e.currentTarget.value)} />
        <TextInput label="Location (code)" value={draft.location} onChange={(e) => set('location')(e.currentTarget.value)} />
        <Select label="Kind" placeholder="Any" clearable value={draft.kind || null} onChange={(v) => set('kind')(v ?? '')} data={KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} />
        <TextInput type="date" label="From day" value={draft.from} onChange={(e) => set('from')(e.currentTarget.value)} />
        <TextInput type="date" label="Until day" value={draft.to} onChange={(e) => set('to')(e.currentTarget.value)} />
      </SimpleGrid>
      <Group mt="xs" gap="xs">
        <Button type="submit" size="xs">Apply filters</Button>
        <Button size="xs" variant="default" onClick={() => onApply({ item: '', location: '', kind: '', from: '', to: '', documentType: '', documentId: '', postingId: '' })}>Clear filters</Button>
        {(Object.keys(LINK_FILTERS) as Array<keyof typeof LINK_FILTERS>).filter((k) => values[k]).map((k) => (
          <Pill key={k} size="md">
            {LINK_FILTERS[k]}: {values[k]}
            <CloseButton size="xs" ml={4} aria-label={`Remove the ${LINK_FILTERS[k].toLowerCase()} filter`} onClick={() => onApply({ [k]: '' })} style={{ display: 'inline-flex', verticalAlign: 'middle' }} />
          </Pill>
        ))}
      </Group>
    </form>
  );
}
