import { Select } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { useEffect, useMemo } from 'react';
import { useLocationTree } from '../api/queries';
import type { LocationNode } from '../api/types';

interface Option {
  value: string;
  label: string;
}

/** Every physical location as "site › zone › bin", grouped by site. */
export function locationOptions(sites: LocationNode[], onlySellable = false): Array<{ group: string; items: Option[] }> {
  return sites.map((site) => {
    const items: Option[] = [];
    const walk = (node: LocationNode, path: string[]) => {
      const trail = [...path, node.code];
      if (!onlySellable || node.sellable) items.push({ value: node.code, label: `${trail.join(' › ')}${node.sellable ? '' : ' (not sellable)'}` });
      for (const child of node.children) walk(child, trail);
    };
    walk(site, []);
    return { group: `${site.name} (${site.code})`, items };
  });
}

/**
 * Picks a location by code. The last choice is remembered per purpose (`memory`), because a
 * clerk usually works in the same place all shift.
 */
export function LocationSelect({ label, memory, error, onlySellable = false, onChange }: {
  label: string; memory: string; error?: string | undefined; onlySellable?: boolean; onChange: (code: string | null) => void;
}) {
  const tree = useLocationTree();
  const [value, setValue] = useLocalStorage<string | null>({ key: `stockroom.location.${memory}`, defaultValue: null, getInitialValueInEffect: false });
  const data = useMemo(() => locationOptions(tree.data?.data ?? [], onlySellable), [tree.data, onlySellable]);
  useEffect(() => onChange(value), [value, onChange]);
  return (
    <Select
      label={label}
      placeholder={tree.isLoading ? 'Loading locations…' : 'Choose a location'}
      data={data}
      value={value}
      onChange={setValue}
      searchable
      clearable
      nothingFoundMessage="No location matches"
      error={error ?? (tree.error ? `Could not load locations: ${tree.error.message}` : undefined)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
