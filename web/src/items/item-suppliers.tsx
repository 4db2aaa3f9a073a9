import { Anchor, Badge, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useItemSuppliers } from '../api/purchasing-queries';
import { QueryState } from '../layout/query-state';
import { formatQuantity } from '../lib/format';
import { priceText } from '../suppliers/supplier-terms';

/** Who sells this item and on what terms, the preferred supplier first. */
export function ItemSuppliers({ sku }: { sku: string }) {
  const query = useItemSuppliers(sku);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Suppliers</Title>
      <QueryState query={query} what="suppliers">
        {(page) =>
          page.data.length === 0 ? (
            <Text c="dimmed" size="sm">No supplier sells this item yet. Add it to a supplier’s items to order it.</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table fz="sm" verticalSpacing={6}>
                <caption className="visually-hidden">Suppliers of {sku}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Supplier</Table.Th>
                    <Table.Th scope="col">Their SKU</Table.Th>
                    <Table.Th scope="col">Prices</Table.Th>
                    <Table.Th scope="col" ta="right">Minimum</Table.Th>
                    <Table.Th scope="col" ta="right">Pack</Table.Th>
                    <Table.Th scope="col" ta="right">Lead time</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.data.map((t) => (
                    <Table.Tr key={t.supplier.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/suppliers/${encodeURIComponent(t.supplier.code)}`} size="sm" fw={600}>{t.supplier.code}</Anchor>
                        {t.preferred && <Badge component="span" size="xs" variant="light" color="green" ml={6}>preferred</Badge>}
                        <Text size="xs" c="dimmed" lineClamp={1}>{t.supplier.name}</Text>
                      </Table.Td>
                      <Table.Td>{t.supplierSku ?? '—'}</Table.Td>
                      <Table.Td>{priceText(t, t.supplier.currency)}</Table.Td>
                      <Table.Td ta="right" ff="monospace">{t.minOrderQuantity === null ? '—' : formatQuantity(t.minOrderQuantity)}</Table.Td>
                      <Table.Td ta="right" ff="monospace">{t.packSize === null ? '—' : formatQuantity(t.packSize)}</Table.Td>
                      <Table.Td ta="right">{t.leadTimeDays === null ? 'supplier’s' : `${t.leadTimeDays} d`}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Paper>
  );
}
