import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useLocationTree } from '../api/queries';
import type { LocationNode } from '../api/types';
import { locationOptions } from '../operations/location-select';

function useSites(): { sites: LocationNode[]; loading: boolean; error: string | undefined } {
  const tree = useLocationTree();
  const sites = useMemo(() => (tree.data?.data ?? []).filter((n) => n.kind === 'site' && !n.archived), [tree.data]);
  return { sites, loading: tree.isLoading, error: tree.error ? `Could not load sites: ${tree.error.message}` : undefined };
}

/** Picks a site (warehouse or store) by code. */
export function SiteSelect({ label, value, onChange, error, placeholder = 'Choose a site', clearable = false, w }: {
  label: string; value: string | null; onChange: (code: string | null) => void; error?: string | undefined; placeholder?: string; clearable?: boolean; w?: number;
}) {
  const { sites, loading, error: loadError } = useSites();
  return (
    <Select
      label={label}
      placeholder={loading ? 'Loading sites…' : placeholder}
      data={sites.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))}
      value={value}
      onChange={onChange}
      clearable={clearable}
      searchable
      nothingFoundMessage="No site matches"
      error={error ?? loadError}
      w={w}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Picks a location inside one site (the site itself, its zones and bins), as "site › zone › bin". */
export function SiteLocationSelect({ site, label, value, onChange, error }: {
  site: string; label: string; value: string | null; onChange: (code: string | null) => void; error?: string | undefined;
}) {
  const { sites, loading, error: loadError } = useSites();
  const data = useMemo(() => locationOptions(sites.filter((s) => s.code === site || s.id === site)), [sites, site]);
  return (
    <Select
      label={label}
      placeholder={loading ? 'Loading locations…' : 'Choose a bin'}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage="No location of this site matches"
      error={error ?? loadError}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
