import { Alert, Button, Group, Radio, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Webhook } from '../api/types';
import { placeProblem } from '../lib/place-problem';

export interface WebhookValues {
  url: string;
  every: boolean;
  types: string[];
  description: string;
}

export const EMPTY_WEBHOOK: WebhookValues = { url: '', every: true, types: [], description: '' };

/** Types worth offering; any exact type or `prefix.*` may be typed (see docs/events.md). */
const KNOWN_TYPES = ['stock.changed', 'channel.availability', 'sales_order.*', 'stock.*'];

export function webhookValues(w: Webhook): WebhookValues {
  const every = w.eventTypes.includes('*');
  return { url: w.url, every, types: every ? [] : [...w.eventTypes], description: w.description ?? '' };
}

export function webhookBody(v: WebhookValues): Record<string, unknown> {
  return { url: v.url.trim(), eventTypes: v.every ? ['*'] : v.types, description: v.description.trim() === '' ? null : v.description.trim() };
}

/** A subscription's URL, the events it receives and what it is for; the API's messages appear on the fields. */
export function WebhookForm({ initial, label, submitLabel, onSubmit, onCancel }: {
  initial: WebhookValues; label: string; submitLabel: string; onSubmit: (v: WebhookValues) => Promise<void>; onCancel: () => void;
}) {
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const typeError = errors.eventTypes ?? Object.entries(errors).find(([k]) => k.startsWith('eventTypes.'))?.[1];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      await onSubmit(v);
    } catch (error) {
      const placed = placeProblem(error, ['url', 'description', 'eventTypes', ...v.types.map((_, i) => `eventTypes.${i}`)]);
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
        <TextInput
          label="URL" description="Where each event is POSTed, signed: http:// or https://" placeholder="https://erp.example.com/hooks/stock" required type="url"
          value={v.url} error={errors.url} onChange={(e) => { const url = e.currentTarget.value; setV((x) => ({ ...x, url })); }} data-autofocus
        />
        <Radio.Group
          label="Events" value={v.every ? 'every' : 'some'} onChange={(choice) => setV((x) => ({ ...x, every: choice === 'every' }))}
          error={v.every ? typeError : undefined}
        >
          <Group gap="md" mt={4}>
            <Radio value="every" label="Every event" />
            <Radio value="some" label="Only these types" />
          </Group>
        </Radio.Group>
        {!v.every && (
          <TagsInput
            label="Event types" description="Exact types or prefix.* — type one and press Enter" data={KNOWN_TYPES} value={v.types}
            onChange={(types) => setV((x) => ({ ...x, types }))} error={typeError} placeholder={v.types.length === 0 ? 'stock.changed' : undefined}
            comboboxProps={{ withinPortal: true }} clearable
          />
        )}
        <Textarea
          label="Description" description="What the subscription is for" autosize minRows={2} value={v.description} error={errors.description}
          onChange={(e) => { const description = e.currentTarget.value; setV((x) => ({ ...x, description })); }}
        />
        <Group>
          <Button type="submit" loading={busy}>{submitLabel}</Button>
          <Button variant="default" onClick={onCancel}>Cancel</Button>
        </Group>
      </Stack>
    </form>
  );
}
