import { ActionIcon, Badge, Group, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import type { LocationNode } from '../api/types';

interface TreeProps {
  nodes: LocationNode[];
  selected: string | null;
  onSelect: (node: LocationNode) => void;
}

/** Sites with their zones and bins, as nested lists a keyboard and a screen reader can walk. */
export function LocationTree({ nodes, selected, onSelect, level = 0 }: TreeProps & { level?: number }) {
  return (
    <ul style={{ listStyle: 'none', margin: 0, paddingLeft: level === 0 ? 0 : 18 }} aria-label={level === 0 ? 'Locations' : undefined}>
      {nodes.map((node) => <TreeRow key={node.id} node={node} selected={selected} onSelect={onSelect} level={level} />)}
    </ul>
  );
}

function TreeRow({ node, selected, onSelect, level }: { node: LocationNode; level: number } & Omit<TreeProps, 'nodes'>) {
  const [open, setOpen] = useState(level === 0);
  const isSelected = selected === node.id;
  return (
    <li>
      <Group gap={4} wrap="nowrap" py={2}>
        {node.children.length > 0 ? (
          <ActionIcon variant="subtle" size="sm" color="gray" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={`${open ? 'Collapse' : 'Expand'} ${node.code}`}>
            {open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
          </ActionIcon>
        ) : (
          <span style={{ width: 22, flex: 'none' }} />
        )}
        <UnstyledButton
          onClick={() => onSelect(node)}
          aria-pressed={isSelected}
          aria-label={`${node.code} ${node.name}`}
          px={6}
          py={2}
          style={{ borderRadius: 4, background: isSelected ? 'var(--mantine-color-blue-light)' : undefined, minWidth: 0 }}
        >
          <Group gap={6} wrap="nowrap">
            <span style={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{node.code}</span>
            <span style={{ color: 'var(--mantine-color-dimmed)', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{node.name}</span>
            {node.kind !== 'bin' && <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>{node.kind}</Badge>}
            {!node.sellable && <Badge size="xs" variant="light" color="orange" style={{ flexShrink: 0 }}>not sellable</Badge>}
          </Group>
        </UnstyledButton>
      </Group>
      {open && node.children.length > 0 && <LocationTree nodes={node.children} selected={selected} onSelect={onSelect} level={level + 1} />}
    </li>
  );
}
