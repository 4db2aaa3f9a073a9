import { Alert, Button, Checkbox, Group, MultiSelect, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { post } from '../api/client';
import { useLocationTree } from '../api/queries';
import { PageHeader } from '../layout/page-header';
import { newIdempotencyKey } from '../lib/idempotency';
import { useApiForm } from '../lib/use-api-form';
import { locationOptions } from '../operations/location-select';
import type { Count } from './count-queries';
import { SCOPE_LABELS } from './count-status';

type ScopeType = keyof typeof SCOPE_LABELS;

const SCOPE_HELP: Record<ScopeType, string> = {
  selection: 'The bins you choose (with everything under them), or the items you name, or both.',
  site: 'Every item with stock anywhere in the site.',
  'not-counted': 'Items with stock that no approved count has covered for the number of days below.',
  abc: 'Items due by value class: the top 20% by stock value every 30 days, the next 30% every 90, the rest every 180.',
};

/** Starts a count: where, what (the scope picker), whether counters see the expected figures, and when a manager must look. */
export function NewCountPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const tree = useLocationTree();
  const [type, setType] = useState<ScopeType>('selection');
  const [site, setSite] = useState<string | null>(null);
  const [bins, setBins] = useState<string[]>([]);
  const [items, setItems] = useState<string[]>([]);
  const [days, setDays] = useState<number | string>(90);
  const [blind, setBlind] = useState(true);
  const form = useApiForm({ units: '', value: '100', note: '' }, { 'thresholds.units': 'units', 'thresholds.value': 'value' });
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const sites = tree.data?.data ?? [];
  const binOptions = useMemo(() => locationOptions(sites.filter((s) => s.code === site)).flatMap((g) => g.items).filter((o) => o.value !== site), [sites, site]);

  async function create() {
    const scope = type === 'selection' ? { type, site, ...(bins.length && { bins }), ...(items.length && { items }) }
      : type === 'not-counted' ? { type, site, days: Number(days) } : { type, site };
    const count = await form.submit(async (v) => {
      const body = {
        scope, blind,
        thresholds: { units: v.units.trim() || null, value: v.value.trim() || null },
        ...(v.note.trim() && { note: v.note.trim() }),
      };
      const text = JSON.stringify(body);
      if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
      return post<Count>('/api/v1/counts', body, attempt.current.key);
    });
    if (count) {
      await queryClient.invalidateQueries({ queryKey: ['counts'] });
      navigate(`/counts/${encodeURIComponent(count.number)}`);
    }
  }

  const scopeError = Object.entries(form.fieldErrors).find(([k]) => k.startsWith('scope'))?.[1];
  return (
    <>
      <PageHeader title="New count" description="A draft: the expected quantities are taken when you start counting." />
      <Paper withBorder p="md" maw={760}>
        <Stack gap="sm">
          <Select label="Site" placeholder={tree.isLoading ? 'Loading sites…' : 'Choose a site'} data={sites.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))}
            value={site} onChange={(v) => { setSite(v); setBins([]); }} searchable required />
          <Radio.Group label="What to count" description={SCOPE_HELP[type]} value={type} onChange={(v) => setType(v as ScopeType)}>
            <Group gap="md" mt={6}>
              {(Object.keys(SCOPE_LABELS) as ScopeType[]).map((t) => <Radio key={t} value={t} label={SCOPE_LABELS[t]} />)}
            </Group>
          </Radio.Group>
          {type === 'selection' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MultiSelect label="Bins" placeholder={site ? 'Any bin of the site' : 'Choose a site first'} data={binOptions} value={bins} onChange={setBins} searchable disabled={!site} />
              <TagsInput label="Items (SKUs)" placeholder="Type a SKU and press Enter" value={items} onChange={setItems} />
            </SimpleGrid>
          )}
          {type === 'not-counted' && <NumberInput label="Not counted in the last (days)" min={1} max={3650} value={days} onChange={setDays} w={240} />}
          {scopeError && <Alert color="red" role="alert">{scopeError}</Alert>}
          <Checkbox label="Blind count: counters do not see the expected quantities" checked={blind} onChange={(e) => setBlind(e.currentTarget.checked)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Manager approval above (units)" description="Leave empty for no unit limit" inputMode="decimal" {...form.field('units')} />
            <TextInput label="Manager approval above (value)" description="|variance| × last unit cost" inputMode="decimal" {...form.field('value')} />
          </SimpleGrid>
          <TextInput label="Note" {...form.field('note')} />
          {form.formError && <Alert color="red" role="alert" title="Not created">{form.formError}</Alert>}
          <Group>
            <Button onClick={() => void create()} loading={form.submitting} disabled={!site}>Create count</Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
