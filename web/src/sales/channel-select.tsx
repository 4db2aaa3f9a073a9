import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useChannels } from '../api/sales-channel-queries';

/**
 * Picks a sales channel by code, using the channels screen's query (read-only). Archived channels
 * take no new orders, so they are left out unless `withArchived` (a list filter still finds their orders).
 */
export function ChannelSelect({ value, onChange, error, label = 'Channel', withArchived = false, placeholder = 'Choose a channel', clearable = false, w }: {
  value: string | null; onChange: (code: string | null) => void; error?: string | undefined; label?: string; withArchived?: boolean; placeholder?: string; clearable?: boolean; w?: number;
}) {
  // A shop has a handful of channels; the first hundred are all of them in practice.
  const query = useChannels(withArchived, undefined, 100);
  const data = useMemo(() => {
    const options = (query.data?.data ?? []).map((c) => ({ value: c.code, label: `${c.code} — ${c.name}${c.archived ? ' (archived)' : ''}` }));
    if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
    return options;
  }, [query.data, value]);
  return (
    <Select
      label={label}
      placeholder={query.isLoading ? 'Loading channels…' : placeholder}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable={clearable}
      nothingFoundMessage="No channel matches"
      error={error ?? (query.error ? `Could not load channels: ${query.error.message}` : undefined)}
      comboboxProps={{ withinPortal: true }}
      w={w}
    />
  );
}
