import { Alert, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useLocationTree } from '../api/queries';
import type { Channel, RoutingRule } from '../api/types';
import { locationOptions } from '../operations/location-select';
import { placeProblem } from '../lib/place-problem';
import { isKind, KIND_LABELS, KINDS, type ChannelKind } from './channel-labels';
import { ItemBufferFields, type ItemBufferRow } from './item-buffer-fields';
import { RoutingFields } from './routing-fields';

export interface ChannelValues {
  code: string;
  name: string;
  kind: ChannelKind;
  locations: string[];
  buffer: string;
  allowBackorders: boolean;
  itemBuffers: ItemBufferRow[];
  rules: RoutingRule[];
  priority: string[];
}

export const EMPTY_CHANNEL: ChannelValues = {
  code: '', name: '', kind: 'web', locations: [], buffer: '0', allowBackorders: false, itemBuffers: [], rules: ['single_location', 'closest', 'split'], priority: [],
};

export function channelValues(c: Channel): ChannelValues {
  return {
    code: c.code, name: c.name, kind: c.kind, locations: c.locations.map((l) => l.code), buffer: c.buffer, allowBackorders: c.allowBackorders,
    itemBuffers: c.itemBuffers.map((b) => ({ item: b.item.sku, buffer: b.buffer })), rules: [...c.routing.rules], priority: c.routing.priority.map((p) => p.code),
  };
}

const decimal = (text: string) => text.trim().replace(',', '.');

/** The body the API takes. Locations and item buffers are sent whole: a change replaces the set. Empty item rows are dropped. */
export function channelBody(v: ChannelValues, creating: boolean): Record<string, unknown> {
  return {
    ...(creating && { code: v.code.trim() }),
    name: v.name.trim(), kind: v.kind, locations: v.locations, buffer: decimal(v.buffer) || '0', allowBackorders: v.allowBackorders,
    itemBuffers: v.itemBuffers.filter((b) => b.item.trim() !== '' || b.buffer.trim() !== '').map((b) => ({ item: b.item.trim(), buffer: decimal(b.buffer) })),
    routing: { rules: v.rules, priority: v.priority },
  };
}

/** Every field an API message may name, as placeProblem keys (JSON Pointer `/a/0/b` → `a.0.b`). */
function fieldKeys(v: ChannelValues): string[] {
  return [
    'code', 'name', 'kind', 'locations', 'buffer', 'allowBackorders', 'itemBuffers', 'routing', 'routing.rules', 'routing.priority',
    ...v.locations.map((_, i) => `locations.${i}`), ...v.priority.map((_, i) => `routing.priority.${i}`),
    ...v.itemBuffers.flatMap((_, i) => [`itemBuffers.${i}`, `itemBuffers.${i}.item`, `itemBuffers.${i}.buffer`]),
  ];
}

/** The first message about a list or any entry of it. */
function listError(errors: Record<string, string>, key: string): string | undefined {
  return errors[key] ?? Object.entries(errors).find(([k]) => k.startsWith(`${key}.`))?.[1];
}

interface Props {
  initial?: ChannelValues;
  creating: boolean;
  label: string;
  submitLabel: string;
  onSubmit: (values: ChannelValues) => Promise<void>;
  extra?: ReactNode;
}

/** A channel's settings: what it sells from, what it withholds, whether it backorders, how orders are routed. */
export function ChannelForm({ initial = EMPTY_CHANNEL, creating, label, submitLabel, onSubmit, extra }: Props) {
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tree = useLocationTree();
  const locationData = useMemo(() => locationOptions(tree.data?.data ?? []), [tree.data]);
  const sites = useMemo(() => (tree.data?.data ?? []).filter((n) => n.kind === 'site' && !n.archived), [tree.data]);
  const text = (name: 'code' | 'name' | 'buffer') => ({
    value: v[name], error: errors[name], onChange: (e: { currentTarget: { value: string } }) => { const value = e.currentTarget.value; setV((x) => ({ ...x, [name]: value })); },
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      await onSubmit(v);
    } catch (error) {
      const placed = placeProblem(error, fieldKeys(v));
      setErrors(placed.fields);
      setFormError(placed.formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="sm">
        {formError && <Alert color="red" role="alert" title="Not saved">{formError}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {creating && <TextInput label="Code" description="Short and unique, e.g. WEB" required {...text('code')} />}
          <TextInput label="Name" required {...text('name')} />
          <Select
            label="Kind" data={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} value={v.kind} allowDeselect={false} error={errors.kind}
            onChange={(k) => isKind(k) && setV((x) => ({ ...x, kind: k }))} comboboxProps={{ withinPortal: true }}
          />
          <TextInput label="Buffer" description="Withheld from this channel per item, in the item’s unit" inputMode="decimal" {...text('buffer')} />
        </SimpleGrid>
        <MultiSelect
          label="Sells from" description="Sites, zones or bins; a site includes every sellable zone and bin in it" required searchable
          placeholder={tree.isLoading ? 'Loading locations…' : v.locations.length === 0 ? 'Choose locations' : undefined}
          data={locationData} value={v.locations} onChange={(locations) => setV((x) => ({ ...x, locations }))}
          error={listError(errors, 'locations') ?? (tree.error ? `Could not load locations: ${tree.error.message}` : undefined)}
          nothingFoundMessage="No location matches" comboboxProps={{ withinPortal: true }} hidePickedOptions
        />
        <Switch
          label="Allow backorders" description="An order line that cannot be reserved becomes a backorder instead of failing the order"
          checked={v.allowBackorders} onChange={(e) => { const checked = e.currentTarget.checked; setV((x) => ({ ...x, allowBackorders: checked })); }}
        />
        <ItemBufferFields rows={v.itemBuffers} errors={errors} onChange={(itemBuffers) => setV((x) => ({ ...x, itemBuffers }))} />
        <RoutingFields
          rules={v.rules} priority={v.priority} sites={sites} rulesError={errors['routing.rules'] ?? errors.routing} priorityError={listError(errors, 'routing.priority')}
          onChange={(routing) => setV((x) => ({ ...x, ...routing }))}
        />
        <Group>
          <Button type="submit" loading={busy}>{submitLabel}</Button>
          {extra}
        </Group>
      </Stack>
    </form>
  );
}
