import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileInvoice, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { patch, post, seg } from '../api/client';
import { useSupplier } from '../api/purchasing-queries';
import type { Supplier } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { QueryState } from '../layout/query-state';
import { formatQuantity } from '../lib/format';
import { supplierBody, SupplierForm, supplierValues } from './supplier-form';
import { SupplierTerms } from './supplier-terms';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

function SupplierDetails({ supplier }: { supplier: Supplier }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const code = encodeURIComponent(supplier.code);

  async function setArchived(archived: boolean) {
    setBusy(true);
    try {
      const updated = await post<Supplier>(`/api/v1/suppliers/${seg(supplier.id)}/${archived ? 'archive' : 'restore'}`, {});
      queryClient.setQueryData(['suppliers', 'one', supplier.code], updated);
      await queryClient.invalidateQueries({ queryKey: ['suppliers'] });
      notifications.show({ color: 'green', message: `${supplier.code} ${archived ? 'archived' : 'restored'}` });
    } catch (e) {
      notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md">
      <PageHeader
        title={supplier.code}
        description={<>{supplier.name} {supplier.archived && <Badge component="span" color="gray" size="sm">archived</Badge>}</>}
        actions={
          <>
            <Button component={Link} to={`/purchase-orders/new?supplier=${code}`} leftSection={<IconPlus size={16} aria-hidden />} disabled={supplier.archived}>New purchase order</Button>
            <Button component={Link} to={`/purchase-orders?supplier=${code}`} variant="default" leftSection={<IconFileInvoice size={16} aria-hidden />}>Purchase orders</Button>
          </>
        }
      />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <Fact label="Currency" value={supplier.currency} />
          <Fact label="Lead time" value={supplier.leadTimeDays === null ? 'not set' : `${supplier.leadTimeDays} days`} />
          <Fact label="Payment terms" value={supplier.paymentTerms ?? 'not set'} />
          <Fact label="Over-receipt tolerance" value={`${formatQuantity(supplier.overReceiptTolerance)} %`} />
        </SimpleGrid>
      </Paper>
      <SupplierTerms supplier={supplier} />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">Details</Title>
        <SupplierForm
          key={supplier.updatedAt}
          initial={supplierValues(supplier)}
          creating={false}
          label="Edit supplier"
          submitLabel="Save changes"
          extra={
            <Button variant="subtle" color={supplier.archived ? undefined : 'red'} loading={busy} onClick={() => void setArchived(!supplier.archived)}>
              {supplier.archived ? 'Restore supplier' : 'Archive supplier'}
            </Button>
          }
          onSubmit={async (v) => {
            const updated = await patch<Supplier>(`/api/v1/suppliers/${seg(supplier.id)}`, supplierBody(v, false));
            queryClient.setQueryData(['suppliers', 'one', supplier.code], updated);
            await queryClient.invalidateQueries({ queryKey: ['suppliers'] });
            notifications.show({ color: 'green', message: `${updated.code} saved` });
          }}
        />
      </Paper>
    </Stack>
  );
}

/** One supplier: its terms, the items it sells, and its details. */
export function SupplierPage() {
  const { ref = '' } = useParams();
  const supplier = useSupplier(ref);
  return <QueryState query={supplier} what={`supplier ${ref}`}>{(s) => <SupplierDetails supplier={s} />}</QueryState>;
}
