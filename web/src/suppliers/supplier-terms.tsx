import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { del, patch, post, seg } from '../api/client';
import { useSupplierItems } from '../api/purchasing-queries';
import type { Supplier, SupplierItem } from '../api/types';
import { ConfirmModal, type Confirmation } from '../layout/confirm-modal';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCursorPager } from '../lib/cursor-pager';
import { formatMoney, formatQuantity } from '../lib/format';
import { termBody, TermForm, termValues } from './term-form';

/** "8.40 · 7.95 from 60": the price of each break, from the smallest quantity up. */
export function priceText(t: Pick<SupplierItem, 'prices'>, currency: string): string {
  if (t.prices.length === 0) return 'no price';
  return t.prices.map((p) => (p.minQuantity === '0' ? `${currency} ${formatMoney(p.unitPrice)}` : `${formatMoney(p.unitPrice)} from ${formatQuantity(p.minQuantity)}`)).join(' · ');
}

function TermsTable({ terms, currency, onEdit, onRemove }: { terms: SupplierItem[]; currency: string; onEdit: (t: SupplierItem) => void; onRemove: (t: SupplierItem) => void }) {
  if (terms.length === 0) return <Text c="dimmed" size="sm">No items yet. Add the items this supplier sells, with their prices.</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing={6} fz="sm">
        <caption className="visually-hidden">Items this supplier sells</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col">Supplier SKU</Table.Th>
            <Table.Th scope="col">Prices</Table.Th>
            <Table.Th scope="col" ta="right">Minimum</Table.Th>
            <Table.Th scope="col" ta="right">Pack</Table.Th>
            <Table.Th scope="col" ta="right">Lead time</Table.Th>
            <Table.Th scope="col"><span className="visually-hidden">Actions</span></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {terms.map((t) => (
            <Table.Tr key={t.item.id}>
              <Table.Td>
                <Anchor component={Link} to={`/items/${encodeURIComponent(t.item.sku)}`} size="sm" fw={600}>{t.item.sku}</Anchor>
                {t.preferred && <Badge size="xs" variant="light" color="green" ml={6}>preferred</Badge>}
                <Text size="xs" c="dimmed" lineClamp={1}>{t.item.name}</Text>
              </Table.Td>
              <Table.Td>{t.supplierSku ?? '—'}</Table.Td>
              <Table.Td>{priceText(t, currency)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{t.minOrderQuantity === null ? '—' : formatQuantity(t.minOrderQuantity)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{t.packSize === null ? '—' : formatQuantity(t.packSize)}</Table.Td>
              <Table.Td ta="right">{t.leadTimeDays === null ? 'supplier’s' : `${t.leadTimeDays} d`}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => onEdit(t)} aria-label={`Edit terms for ${t.item.sku}`}>Edit</Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => onRemove(t)} aria-label={`Remove ${t.item.sku}`}>Remove</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The items a supplier sells and on what terms: add, change, remove. */
export function SupplierTerms({ supplier }: { supplier: Supplier }) {
  const queryClient = useQueryClient();
  const pager = useCursorPager(supplier.id);
  const query = useSupplierItems(supplier.code, pager.cursor, 50);
  const [editing, setEditing] = useState<SupplierItem | 'new' | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const base = `/api/v1/suppliers/${seg(supplier.id)}/items`;

  async function saved(message: string) {
    await queryClient.invalidateQueries({ queryKey: ['suppliers'] });
    notifications.show({ color: 'green', message });
    setEditing(null);
  }

  const remove = (t: SupplierItem) => setConfirmation({
    title: `Remove ${t.item.sku}?`, confirmLabel: 'Remove', danger: true,
    message: `${supplier.name} will no longer be offered for ${t.item.sku}. Orders already placed keep their lines.`,
    run: async () => {
      await del(`${base}/${seg(t.item.id)}`);
      await saved(`${t.item.sku} removed from ${supplier.code}`);
    },
  });

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">Items and terms</Title>
        <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing('new')}>Add an item</Button>
      </Group>
      <QueryState query={query} what="the supplier’s items">
        {(page) => (
          <Stack gap={0}>
            <TermsTable terms={page.data} currency={supplier.currency} onEdit={setEditing} onRemove={remove} />
            {(page.nextCursor !== null || pager.page > 1) && (
              <Pager label="Supplier items" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
            )}
          </Stack>
        )}
      </QueryState>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? `Add an item to ${supplier.code}` : `Terms for ${editing?.item.sku ?? ''}`} size="lg">
        {editing !== null && (
          <TermForm
            initial={termValues(editing === 'new' ? null : editing)}
            creating={editing === 'new'}
            currency={supplier.currency}
            onCancel={() => setEditing(null)}
            onSubmit={async (v) => {
              if (editing === 'new') {
                const added = await post<SupplierItem>(base, termBody(v, true));
                await saved(`${added.item.sku} added to ${supplier.code}`);
              } else {
                await patch<SupplierItem>(`${base}/${seg(editing.item.id)}`, termBody(v, false));
                await saved(`Terms for ${editing.item.sku} saved`);
              }
            }}
          />
        )}
      </Modal>
      <ConfirmModal confirmation={confirmation} onClose={() => setConfirmation(null)} />
    </Paper>
  );
}
