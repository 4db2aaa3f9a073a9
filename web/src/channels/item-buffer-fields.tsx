import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';

export interface ItemBufferRow {
  item: string;
  buffer: string;
}

/** Per-item buffers: each replaces the channel-wide buffer for its item (e.g. more held back of a fast seller). */
export function ItemBufferFields({ rows, errors, onChange }: { rows: ItemBufferRow[]; errors: Record<string, string>; onChange: (rows: ItemBufferRow[]) => void }) {
  const set = (i: number, field: keyof ItemBufferRow, value: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" size="sm" fw={500}>Item buffers</Text>
      <Text size="xs" c="dimmed">Replace the channel’s buffer for single items.</Text>
      {errors.itemBuffers && <Text size="xs" c="red" role="alert">{errors.itemBuffers}</Text>}
      <Stack gap={6} mt={4}>
        {rows.map((row, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              aria-label={`Item buffer ${i + 1}: item`} placeholder="SKU" value={row.item} style={{ flex: 2, minWidth: 0 }}
              error={errors[`itemBuffers.${i}.item`] ?? errors[`itemBuffers.${i}`]} onChange={(e) => set(i, 'item', e.currentTarget.value)}
            />
            <TextInput
              aria-label={`Item buffer ${i + 1}: buffer`} placeholder="buffer" inputMode="decimal" value={row.buffer} style={{ flex: 1, minWidth: 0 }}
              error={errors[`itemBuffers.${i}.buffer`]} onChange={(e) => set(i, 'buffer', e.currentTarget.value)}
            />
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove item buffer ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Button variant="subtle" size="xs" mt={4} leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...rows, { item: '', buffer: '' }])}>
        Add an item buffer
      </Button>
    </fieldset>
  );
}
