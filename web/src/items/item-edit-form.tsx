import { Alert, Button, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { patch, seg } from '../api/client';
import type { Item } from '../api/types';
import { useApiForm } from '../lib/use-api-form';

/** Changes an item's details; SKU and decimal places are fixed, so they are not offered. */
export function ItemEditForm({ item }: { item: Item }) {
  const queryClient = useQueryClient();
  const form = useApiForm({
    name: item.name, description: item.description ?? '', category: item.category ?? '', unit: item.unit, reorderPoint: item.reorderPoint ?? '',
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const updated = await form.submit((v) =>
      patch<Item>(`/api/v1/items/${seg(item.id)}`, {
        name: v.name, unit: v.unit,
        description: v.description.trim() === '' ? null : v.description,
        category: v.category.trim() === '' ? null : v.category,
        reorderPoint: v.reorderPoint.trim() === '' ? null : v.reorderPoint.trim(),
      }),
    );
    if (!updated) return;
    queryClient.setQueryData(['items', item.sku], updated);
    await queryClient.invalidateQueries({ queryKey: ['reports'] });
    notifications.show({ color: 'green', message: `${updated.sku} saved` });
  }

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Details</Title>
      <form onSubmit={submit} noValidate aria-label="Edit item">
        <Stack gap="sm">
          {form.formError && <Alert color="red" role="alert" title="Not saved">{form.formError}</Alert>}
          <TextInput label="Name" {...form.field('name')} />
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <TextInput label="Category" {...form.field('category')} />
            <TextInput label="Unit" {...form.field('unit')} />
            <TextInput label="Reorder point" inputMode="decimal" {...form.field('reorderPoint')} />
          </SimpleGrid>
          <Textarea label="Description" autosize minRows={2} {...form.field('description')} />
          <Button type="submit" loading={form.submitting} style={{ alignSelf: 'flex-start' }}>Save changes</Button>
        </Stack>
      </form>
    </Paper>
  );
}
