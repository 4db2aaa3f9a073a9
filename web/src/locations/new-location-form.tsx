import { Alert, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { post } from '../api/client';
import type { Location, LocationNode } from '../api/types';
import { useApiForm } from '../lib/use-api-form';
import { locationOptions } from '../operations/location-select';

const KINDS = [
  { value: 'site', label: 'Site (warehouse or store)' },
  { value: 'zone', label: 'Zone (aisle, area)' },
  { value: 'bin', label: 'Bin (shelf, slot)' },
];

/** Adds a site, or a zone or bin under an existing location; the API checks codes and nesting. */
export function NewLocationForm({ sites }: { sites: LocationNode[] }) {
  const queryClient = useQueryClient();
  const form = useApiForm({ code: '', name: '', kind: sites.length === 0 ? 'site' : 'bin', parent: '' });
  const [sellable, setSellable] = useState(true);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const created = await form.submit((v) =>
      post<Location>('/api/v1/locations', {
        code: v.code.trim(), name: v.name.trim(), kind: v.kind, sellable,
        ...(v.kind !== 'site' && v.parent && { parent: v.parent }),
      }),
    );
    if (!created) return;
    notifications.show({ color: 'green', message: `${created.code} added` });
    form.setValues((v) => ({ ...v, code: '', name: '' }));
    await queryClient.invalidateQueries({ queryKey: ['locations'] });
  }

  return (
    <Paper withBorder p="md" mt="md">
      <Title order={2} size="h4" mb="xs">Add a location</Title>
      <form onSubmit={submit} noValidate aria-label="Add a location">
        <Stack gap="sm">
          {form.formError && <Alert color="red" role="alert" title="Not added">{form.formError}</Alert>}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select label="Kind" data={KINDS} allowDeselect={false} value={form.values.kind} error={form.fieldErrors.kind}
              onChange={(v) => form.setValues((f) => ({ ...f, kind: v ?? 'bin' }))} />
            {form.values.kind !== 'site' && (
              <Select label="Inside" placeholder="Choose a site or zone" searchable data={locationOptions(sites)} value={form.values.parent || null}
                error={form.fieldErrors.parent} onChange={(v) => form.setValues((f) => ({ ...f, parent: v ?? '' }))} />
            )}
            <TextInput label="Code" description="Short and unique, e.g. WH1-A-04" {...form.field('code')} />
            <TextInput label="Name" {...form.field('name')} />
          </SimpleGrid>
          <Checkbox label="Stock here can be sold (untick for damaged goods, quality control, on hold)" checked={sellable} onChange={(e) => setSellable(e.currentTarget.checked)} />
          <Group><Button type="submit" loading={form.submitting}>Add location</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}
