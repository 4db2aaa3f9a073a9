import { Alert, Button, Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { del, put, seg } from '../api/client';
import { useReorderStatus } from '../api/purchasing-queries';
import type { ReorderStatus } from '../api/types';
import { formatQuantity } from '../lib/format';
import { placeProblem } from '../lib/place-problem';
import { SiteSelect } from '../locations/site-select';
import { wholeDays } from '../suppliers/supplier-form';

type Method = 'manual' | 'computed';
interface Values { item: string; site: string | null; method: Method; min: string; max: string; safetyStock: string; coverDays: string; windowDays: string; leadTimeDays: string }

export function policyValues(s: ReorderStatus | null, site: string | null): Values {
  const p = s?.policy;
  const text = (n: number | null | undefined, fallback: string) => (n === null || n === undefined ? fallback : String(n));
  return {
    item: s?.item.sku ?? '', site: s?.site.code ?? site, method: p?.method ?? 'manual', min: p?.min ?? '', max: p?.max ?? '',
    safetyStock: p?.safetyStock ?? '0', coverDays: text(p?.coverDays, '30'), windowDays: text(p?.windowDays, '90'), leadTimeDays: text(p?.leadTimeDays, ''),
  };
}

/** The request body: decimal text for quantities, whole days as numbers, a blank lead time as the supplier's (null). */
export function policyBody(v: Values): Record<string, unknown> {
  const qty = (s: string) => s.trim().replace(',', '.');
  if (v.method === 'manual') return { method: 'manual', min: qty(v.min), max: qty(v.max) };
  return {
    method: 'computed', safetyStock: qty(v.safetyStock) || '0', leadTimeDays: wholeDays(v.leadTimeDays),
    ...(v.coverDays.trim() && { coverDays: wholeDays(v.coverDays) }), ...(v.windowDays.trim() && { windowDays: wholeDays(v.windowDays) }),
  };
}

function Current({ s }: { s: ReorderStatus }) {
  const lead = s.leadTimeSource === 'none' ? 'no lead time' : `lead time ${s.leadTimeDays} d (${s.leadTimeSource})`;
  return (
    <Text size="sm" role="status" aria-label="Current policy">
      {s.item.sku} at {s.site.code}: reorder at {formatQuantity(s.reorderPoint)}, up to {formatQuantity(s.orderUpTo)} ({s.basis}
      {s.dailyDemand !== null && `, ${formatQuantity(s.dailyDemand)}/day`}, {lead}); position {formatQuantity(s.position)}{s.low ? ' — low' : ''}.
    </Text>
  );
}

/** Sets an item's reorder levels at a site: by hand (min/max) or from its sales (safety stock, cover, window, lead time). */
export function PolicyForm({ initial }: { initial: Values }) {
  const queryClient = useQueryClient();
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [item] = useDebouncedValue(v.item.trim(), 300);
  const current = useReorderStatus({ item, site: v.site ?? undefined }, undefined, 1, item !== '' && v.site !== null);
  const existing = current.data?.data[0] ?? null;
  const field = (name: Exclude<keyof Values, 'site' | 'method'>) => ({
    value: v[name], error: errors[name], onChange: (e: { currentTarget: { value: string } }) => { const value = e.currentTarget.value; setV((x) => ({ ...x, [name]: value })); },
  });

  async function run(send: () => Promise<unknown>, message: string) {
    setErrors({});
    setFormError(null);
    if (!v.item.trim() || !v.site) return setErrors({ ...(!v.item.trim() && { item: 'Enter the item' }), ...(!v.site && { site: 'Choose the site' }) });
    setBusy(true);
    try {
      await send();
      await queryClient.invalidateQueries({ queryKey: ['planning'] });
      notifications.show({ color: 'green', message });
    } catch (error) {
      const placed = placeProblem(error, ['item', 'site', 'min', 'max', 'safetyStock', 'coverDays', 'windowDays', 'leadTimeDays']);
      setErrors(placed.fields);
      setFormError(placed.formError);
    } finally {
      setBusy(false);
    }
  }
  const path = () => `/api/v1/planning/reorder-policies/${seg(v.item.trim())}/${seg(v.site ?? '')}`;

  function save(event: FormEvent) {
    event.preventDefault();
    void run(() => put<ReorderStatus>(path(), policyBody(v)), `Policy saved for ${v.item.trim()} at ${v.site ?? ''}`);
  }

  return (
    <form onSubmit={save} noValidate aria-label="Reorder policy">
      <Stack gap="sm">
        {formError && <Alert color="red" role="alert" title="Not saved">{formError}</Alert>}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label="Item" placeholder="SKU" {...field('item')} />
          <SiteSelect label="Site" value={v.site} onChange={(site) => setV((x) => ({ ...x, site }))} error={errors.site} />
        </SimpleGrid>
        {existing && <Current s={existing} />}
        <Radio.Group label="Levels" value={v.method} onChange={(m) => setV((x) => ({ ...x, method: m as Method }))}>
          <Group gap="md" mt={4}>
            <Radio value="manual" label="Set by hand (min / max)" />
            <Radio value="computed" label="From sales" />
          </Group>
        </Radio.Group>
        {v.method === 'manual' ? (
          <SimpleGrid cols={2}>
            <TextInput label="Reorder point (min)" inputMode="decimal" {...field('min')} />
            <TextInput label="Order up to (max)" inputMode="decimal" {...field('max')} />
          </SimpleGrid>
        ) : (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <TextInput label="Safety stock" inputMode="decimal" {...field('safetyStock')} />
            <TextInput label="Cover (days)" inputMode="numeric" {...field('coverDays')} />
            <TextInput label="Sales window (days)" inputMode="numeric" {...field('windowDays')} />
            <TextInput label="Lead time (days)" placeholder="supplier’s" inputMode="numeric" {...field('leadTimeDays')} />
          </SimpleGrid>
        )}
        <Group>
          <Button type="submit" loading={busy}>Save policy</Button>
          {existing && (
            <Button variant="subtle" color="red" disabled={busy}
              onClick={() => void run(() => del(path()), `Policy removed for ${v.item.trim()} at ${v.site ?? ''}`)}>Remove policy</Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
