import { ActionIcon, Badge, Group, Stack, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { beep } from '../lib/sound';

/**
 * The serials of a serial-tracked line leaving now: each scan (or typed serial and Enter) adds one,
 * a serial already on the line is refused, a badge's × takes it off. The quantity is their count.
 */
export function SerialsInput({ sku, serials, onChange, error }: { sku: string; serials: string[]; onChange: (serials: string[]) => void; error?: string | undefined }) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function handleKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const serial = value.trim();
    // Cleared either way, so the scanner's next serial does not land after a refused one.
    setValue('');
    if (serial === '') return;
    if (serials.includes(serial)) {
      setProblem(`${serial} is on this line already`);
      return beep('error');
    }
    setProblem(null);
    beep('ok');
    onChange([...serials, serial]);
  }

  return (
    <Stack gap={4}>
      <TextInput aria-label={`Serial number of ${sku}`} placeholder="Scan a serial…" value={value} onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={handleKey} error={problem ?? error} autoComplete="off" autoCapitalize="off" spellCheck={false} enterKeyHint="enter" size="xs" />
      {serials.length > 0 && (
        <Group gap={4} role="list" aria-label={`Serials of ${sku} to ship`}>
          {serials.map((serial) => (
            <Badge key={serial} role="listitem" variant="light" tt="none" pr={2} rightSection={
              <ActionIcon size="xs" variant="transparent" aria-label={`Remove serial ${serial}`} onClick={() => onChange(serials.filter((s) => s !== serial))}>
                <IconX size={12} aria-hidden />
              </ActionIcon>
            }>{serial}</Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
