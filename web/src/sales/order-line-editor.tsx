import { ActionIcon, Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useCompact } from '../layout/use-compact';
import { addQuantities, checkQuantity } from '../lib/quantity';
import { beep } from '../lib/sound';
import { ScanBox } from '../operations/scan-box';
import { useItemResolver } from '../operations/use-item-resolver';

export interface DraftLine {
  key: number;
  item: string;
  quantity: string;
  /** The item's name once a scan or a typed SKU was recognised. */
  name?: string | undefined;
}

let nextKey = 1;
export const emptyLine = (): DraftLine => ({ key: nextKey++, item: '', quantity: '' });

/**
 * The lines of a phone order. A scan (or a SKU typed into the scan box) adds the item, or one
 * more of it; lines can also be typed by hand. `errors` holds the API's messages by
 * `lines.{i}.{field}`, shortfalls included (they point at the quantity that was too much).
 */
export function OrderLineEditor({ lines, onChange, errors }: { lines: DraftLine[]; onChange: (lines: DraftLine[]) => void; errors: Record<string, string> }) {
  const compact = useCompact();
  const resolve = useItemResolver();
  const [scanError, setScanError] = useState<string | null>(null);
  const set = (key: number, field: 'item' | 'quantity', value: string) => onChange(lines.map((l) => (l.key === key ? { ...l, [field]: value, ...(field === 'item' && { name: undefined }) } : l)));

  const onCode = useCallback(async (code: string) => {
    try {
      const item = await resolve(code);
      if (item.archived) throw new Error(`${item.sku} is archived and cannot be sold`);
      const same = lines.find((l) => l.item.trim().toUpperCase() === item.sku.toUpperCase());
      const kept = lines.filter((l) => l.item.trim() || l.quantity.trim());
      if (same) {
        const q = checkQuantity(same.quantity);
        onChange(lines.map((l) => (l === same ? { ...l, item: item.sku, name: item.name, quantity: q.ok ? addQuantities(q.text, '1') : '1' } : l)));
      } else {
        onChange([...kept, { key: nextKey++, item: item.sku, name: item.name, quantity: '1' }]);
      }
      setScanError(null);
      beep('ok');
    } catch (error) {
      beep('error');
      setScanError(error instanceof Error ? error.message : String(error));
    }
  }, [lines, onChange, resolve]);

  return (
    <Stack gap="xs">
      <ScanBox onCode={(code) => void onCode(code)} />
      {scanError && <Alert color="red" variant="filled" role="alert" p="xs">{scanError}</Alert>}
      {lines.map((line, i) => (
        <Group key={line.key} gap="xs" align="flex-start" wrap={compact ? 'wrap' : 'nowrap'} role="group" aria-label={`Line ${i + 1}`}>
          <TextInput label={`Item, line ${i + 1}`} placeholder="SKU or barcode" value={line.item} onChange={(e) => set(line.key, 'item', e.currentTarget.value)}
            error={errors[`lines.${i}.item`]} description={line.name} style={{ flex: '2 1 200px' }} autoComplete="off" />
          <TextInput label={`Quantity, line ${i + 1}`} inputMode="decimal" value={line.quantity} onChange={(e) => set(line.key, 'quantity', e.currentTarget.value)}
            error={errors[`lines.${i}.quantity`]} style={{ flex: '1 1 120px' }} />
          <ActionIcon variant="subtle" color="red" size="lg" mt={compact ? 0 : 25} aria-label={`Remove line ${i + 1}`} onClick={() => onChange(lines.filter((l) => l.key !== line.key))}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {lines.length === 0 && <Text size="sm" c="dimmed">No lines yet: scan an item or add a line.</Text>}
      <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...lines, emptyLine()])} style={{ alignSelf: 'flex-start' }}>Add a line</Button>
    </Stack>
  );
}
