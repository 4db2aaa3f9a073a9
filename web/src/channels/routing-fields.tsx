import { ActionIcon, Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { LocationNode, RoutingRule } from '../api/types';
import { RULE_ORDER, RULES } from './channel-labels';

interface Props {
  rules: RoutingRule[];
  priority: string[];
  sites: LocationNode[];
  rulesError: string | undefined;
  priorityError: string | undefined;
  onChange: (routing: { rules: RoutingRule[]; priority: string[] }) => void;
}

/**
 * How an order that names no location is routed. The rules are switched on or off and always
 * apply in the order shown (that is how the server applies them); the priority sites are an
 * ordered list a person arranges.
 */
export function RoutingFields({ rules, priority, sites, rulesError, priorityError, onChange }: Props) {
  // The picker only adds: its text is cleared after each choice, so it never shows a chosen value.
  const [search, setSearch] = useState('');
  const toggle = (rule: RoutingRule, on: boolean) => onChange({ priority, rules: RULE_ORDER.filter((r) => (r === rule ? on : rules.includes(r))) });
  const move = (i: number, by: -1 | 1) => {
    const next = [...priority];
    const [moved] = next.splice(i, 1);
    if (moved !== undefined) next.splice(i + by, 0, moved);
    onChange({ rules, priority: next });
  };
  const nameOf = (code: string) => sites.find((s) => s.code === code)?.name ?? code;
  const addable = sites.filter((s) => !priority.includes(s.code)).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }));

  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" size="sm" fw={500}>Order routing</Text>
      <Text size="xs" c="dimmed">For orders that name no location, applied top to bottom.</Text>
      {rulesError && <Text size="xs" c="red" role="alert">{rulesError}</Text>}
      <Stack gap={6} mt={6}>
        {RULE_ORDER.map((rule, i) => (
          <Checkbox key={rule} label={`${i + 1}. ${RULES[rule].label}`} description={RULES[rule].description} checked={rules.includes(rule)} onChange={(e) => toggle(rule, e.currentTarget.checked)} />
        ))}
      </Stack>
      <Text size="sm" fw={500} mt="sm" id="priority-sites-label">Priority sites</Text>
      <Text size="xs" c="dimmed">Tried first, in this order, when “Priority sites first” is on.</Text>
      {priorityError && <Text size="xs" c="red" role="alert">{priorityError}</Text>}
      {priority.length > 0 && (
        <ol aria-labelledby="priority-sites-label" style={{ margin: '4px 0', paddingLeft: 20 }}>
          {priority.map((code, i) => (
            <li key={code}>
              <Group gap={4} wrap="nowrap" justify="space-between">
                <Text size="sm" truncate>{nameOf(code)} <Text span size="xs" c="dimmed">{code}</Text></Text>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" aria-label={`Move ${code} up`} disabled={i === 0} onClick={() => move(i, -1)}><IconArrowUp size={16} aria-hidden /></ActionIcon>
                  <ActionIcon variant="subtle" aria-label={`Move ${code} down`} disabled={i === priority.length - 1} onClick={() => move(i, 1)}><IconArrowDown size={16} aria-hidden /></ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove ${code} from the priority sites`} onClick={() => onChange({ rules, priority: priority.filter((p) => p !== code) })}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </Group>
            </li>
          ))}
        </ol>
      )}
      <Select
        label="Add a priority site" placeholder={addable.length === 0 ? 'Every site is listed' : 'Choose a site'} data={addable} value={null} searchable
        disabled={addable.length === 0} searchValue={search} onSearchChange={setSearch}
        onChange={(code) => { if (code) onChange({ rules, priority: [...priority, code] }); setSearch(''); }} maw={360} mt={4}
        nothingFoundMessage="No site matches" comboboxProps={{ withinPortal: true }}
      />
    </fieldset>
  );
}
