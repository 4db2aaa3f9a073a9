import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { post } from '../api/client';
import type { Item } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { useApiForm } from '../lib/use-api-form';

const TRACKING = [
  { value: 'none', label: 'None' },
  { value: 'lot', label: 'Lots (batches with expiry)' },
  { value: 'serial', label: 'Serial numbers (one per unit)' },
];

const DECIMALS = ['0', '1', '2', '3', '4', '5', '6'].map((d) => ({ value: d, label: d === '0' ? '0 (whole units)' : `${d}` }));

/** Creates an item; the API's validation messages appear on the fields they concern. */
export function NewItemPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useApiForm({ sku: '', name: '', category: '', unit: 'pcs', decimals: '0', reorderPoint: '', barcode: '', tracking: 'none' }, { 'barcodes.0.code': 'barcode' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const item = await form.submit((v) =>
      post<Item>('/api/v1/items', {
        sku: v.sku.trim(), name: v.name.trim(), unit: v.unit.trim() || 'pcs', decimals: Number(v.decimals),
        ...(v.tracking !== 'none' && { tracking: v.tracking }),
        ...(v.category.trim() && { category: v.category.trim() }),
        ...(v.reorderPoint.trim() && { reorderPoint: v.reorderPoint.trim() }),
        // A barcode of digits only is taken as a GTIN (its check digit is verified); anything else as a custom code.
        ...(v.barcode.trim() && { barcodes: [{ code: v.barcode.trim(), kind: /^\d{8,14}$/.test(v.barcode.trim()) ? 'gtin' : 'custom' }] }),
      }),
    );
    if (!item) return;
    await queryClient.invalidateQueries({ queryKey: ['reports'] });
    notifications.show({ color: 'green', message: `Item ${item.sku} created` });
    navigate(`/items/${encodeURIComponent(item.sku)}`);
  }

  return (
    <>
      <PageHeader title="New item" />
      <Paper withBorder p="md" maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack>
            {form.formError && <Alert color="red" role="alert" title="The item was not created">{form.formError}</Alert>}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="SKU" required {...form.field('sku')} />
              <TextInput label="Name" required {...form.field('name')} />
              <TextInput label="Category" {...form.field('category')} />
              <TextInput label="Unit" description="e.g. pcs, kg, m" {...form.field('unit')} />
              <Select
                label="Decimal places" description="How finely the quantity may be split; fixed once created" data={DECIMALS} allowDeselect={false}
                value={form.values.decimals} error={form.fieldErrors.decimals} onChange={(v) => form.setValues((f) => ({ ...f, decimals: v ?? '0' }))}
              />
              <TextInput label="Reorder point" description="Warn when available stock falls below this" inputMode="decimal" {...form.field('reorderPoint')} />
              <TextInput label="Barcode" description="GTIN (EAN/UPC) or your own code" {...form.field('barcode')} />
              <Select
                label="Tracking" description="Lots or serial numbers on every movement; fixed once created" data={TRACKING} allowDeselect={false}
                value={form.values.tracking} error={form.fieldErrors.tracking} onChange={(v) => form.setValues((f) => ({ ...f, tracking: v ?? 'none' }))}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={form.submitting}>Create item</Button>
              <Button variant="default" onClick={() => navigate('/items')}>Cancel</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
