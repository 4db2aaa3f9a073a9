import { Button, Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { post } from '../api/client';
import type { Supplier } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { supplierBody, SupplierForm } from './supplier-form';

/** Creates a supplier, then opens it to add the items it sells. */
export function NewSupplierPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader title="New supplier" />
      <Paper withBorder p="md" maw={820}>
        <SupplierForm
          creating
          label="New supplier"
          submitLabel="Create supplier"
          extra={<Button variant="default" onClick={() => navigate('/suppliers')}>Cancel</Button>}
          onSubmit={async (v) => {
            const supplier = await post<Supplier>('/api/v1/suppliers', supplierBody(v, true));
            await queryClient.invalidateQueries({ queryKey: ['suppliers'] });
            notifications.show({ color: 'green', message: `Supplier ${supplier.code} created` });
            navigate(`/suppliers/${encodeURIComponent(supplier.code)}`);
          }}
        />
      </Paper>
    </>
  );
}
