import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, del, post, seg } from '../api/client';
import type { Item } from '../api/types';
import { symbologyFor } from '../lib/barcode-symbology';
import { BarcodeImage } from './barcode-image';

/** The item's barcodes, drawn for printing, with adding and removing. */
export function ItemBarcodes({ item }: { item: Item }) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function change(send: () => Promise<Item>) {
    setBusy(true);
    setError(null);
    try {
      queryClient.setQueryData(['items', item.sku], await send());
      await queryClient.invalidateQueries({ queryKey: ['items'] });
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.message) : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const trimmed = code.trim();
    if (!trimmed) return setError('Enter or scan a barcode');
    const kind = /^\d{8,14}$/.test(trimmed) ? 'gtin' : 'custom';
    if (await change(() => post<Item>(`/api/v1/items/${seg(item.id)}/barcodes`, { code: trimmed, kind }))) setCode('');
  }

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Barcodes</Title>
      <Stack gap="sm">
        {item.barcodes.length === 0 && <Text c="dimmed" size="sm">No barcodes yet. Scanning finds items by barcode or SKU.</Text>}
        {item.barcodes.map((b) => (
          <Group key={b.code} justify="space-between" wrap="wrap" gap="xs">
            <div>
              <BarcodeImage barcode={b} />
              <Text size="xs" c="dimmed">{symbologyFor(b).label} · stored as {b.code}</Text>
            </div>
            <Button variant="subtle" color="red" size="xs" disabled={busy} aria-label={`Remove barcode ${b.code}`}
              onClick={() => change(() => del<Item>(`/api/v1/items/${seg(item.id)}/barcodes/${seg(b.code)}`))}>Remove</Button>
          </Group>
        ))}
        <form onSubmit={add} noValidate>
          <Group align="flex-start" gap="xs">
            <TextInput label="Add a barcode" placeholder="Scan or type" value={code} onChange={(e) => setCode(e.currentTarget.value)} style={{ flex: '1 1 180px' }} />
            <Button type="submit" mt={25} loading={busy}>Add</Button>
          </Group>
        </form>
        {error && <Alert color="red" role="alert">{error}</Alert>}
      </Stack>
    </Paper>
  );
}
