import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { usePurchaseOrders } from '../api/purchasing-queries';

/** Picks an order goods can arrive against: ordered or partly received (others open by link). */
export function PoSelect({ value, onChange }: { value: string | null; onChange: (number: string | null) => void }) {
  const open = usePurchaseOrders({ status: 'ordered,partially_received' }, undefined, 100);
  const data = useMemo(() => {
    const orders = open.data?.data ?? [];
    const options = orders.map((o) => ({ value: o.number, label: `${o.number} · ${o.supplier.code} → ${o.site.code}${o.expectedDate ? ` · due ${o.expectedDate}` : ''}` }));
    if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
    return options;
  }, [open.data, value]);
  const loading = open.isLoading;
  return (
    <Select
      label="Purchase order"
      placeholder={loading ? 'Loading orders…' : 'Choose an order'}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      nothingFoundMessage="No open order matches"
      error={open.error ? 'Could not load the open orders' : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
