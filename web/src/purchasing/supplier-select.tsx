import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useSuppliers } from '../api/purchasing-queries';

/** Picks an active supplier by code, searching the server as the person types. */
export function SupplierSelect({ value, onChange, error }: { value: string | null; onChange: (code: string | null) => void; error?: string | undefined }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  // While a choice is shown, the search text is its label: look for everything then.
  const query = useSuppliers(debounced.includes(' — ') ? '' : debounced.trim(), undefined, 50);
  const data = useMemo(() => {
    const options = (query.data?.data ?? []).filter((s) => !s.archived).map((s) => ({ value: s.code, label: `${s.code} — ${s.name}` }));
    if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
    return options;
  }, [query.data, value]);
  return (
    <Select
      label="Supplier"
      placeholder={query.isLoading ? 'Loading suppliers…' : 'Choose a supplier'}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage="No supplier matches"
      error={error ?? (query.error ? `Could not load suppliers: ${query.error.message}` : undefined)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
