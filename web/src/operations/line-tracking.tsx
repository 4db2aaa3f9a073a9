import { ActionIcon, Badge, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState, type Dispatch, type KeyboardEvent } from 'react';
import { useItemLots } from '../api/tracking-queries';
import { useCompact } from '../layout/use-compact';
import { formatQuantity } from '../lib/format';
import { beep } from '../lib/sound';
import { serialProblem, type LineLot, type ScanAction, type ScanLine } from './scan-lines';

/** How a form's lines take lots: `incoming` asks for a lot's number and dates, else an existing lot at `location`. */
export interface LineTrackingMode {
  incoming: boolean;
  location: string | null;
  /** Shipping to a customer: expired lots are shown but cannot be chosen (the server refuses them). */
  toCustomer?: boolean;
  /** A cycle count names the lot found: any lot of the item, without figures (a count may be blind) and without a first-expiring choice. */
  counting?: boolean;
}

interface Props {
  line: ScanLine;
  dispatch: Dispatch<ScanAction>;
  errors: Record<string, string>;
  mode: LineTrackingMode;
  /** The line the last scan touched: its serial field takes the focus, ready for the first serial. */
  justScanned: boolean;
}

const NO_LOT: LineLot = { number: '', expiresOn: '', manufacturedOn: '' };
const FEFO = '__fefo__';

function LotFields({ line, dispatch, errors }: Omit<Props, 'mode' | 'justScanned'>) {
  const lot = line.lot ?? NO_LOT;
  const compact = useCompact();
  const set = (patch: Partial<LineLot>) => dispatch({ type: 'lot', sku: line.item.sku, lot: { ...lot, ...patch } });
  // On a handheld the lot number takes the whole width and the two dates share the next row.
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" verticalSpacing={4}>
      <TextInput label="Lot" aria-label={`Lot number of ${line.item.sku}`} placeholder="Lot number" size="sm" value={lot.number} error={errors.lot} onChange={(e) => set({ number: e.currentTarget.value })} style={compact ? { gridColumn: 'span 2' } : undefined} />
      <TextInput type="date" label="Expires" aria-label={`Expiry date of ${line.item.sku}`} value={lot.expiresOn} error={errors.expiresOn} onChange={(e) => set({ expiresOn: e.currentTarget.value })} size="sm" />
      <TextInput type="date" label="Made" aria-label={`Manufacture date of ${line.item.sku}`} value={lot.manufacturedOn} error={errors.manufacturedOn} onChange={(e) => set({ manufacturedOn: e.currentTarget.value })} size="sm" />
    </SimpleGrid>
  );
}

/** Going out, a lot may be named; left alone, the server takes the first expiring lots (FEFO). */
function LotChoice({ line, dispatch, errors, mode }: Omit<Props, 'justScanned'>) {
  const counting = mode.counting === true;
  // The server picks the lots with stock at the form's location, so an item with many lots elsewhere does not crowd them out.
  const lots = useItemLots(line.item.sku, !counting, counting ? null : mode.location);
  const here = lots.data?.data ?? [];
  const data = [
    ...(counting ? [] : [{ value: FEFO, label: 'First expiring (FEFO)' }]),
    ...here.map((l) => {
      const at = l.locations.find((p) => p.location.code === mode.location);
      const figures = at && !counting ? ` · ${formatQuantity(at.available)} available` : '';
      return { value: l.number, label: `${l.number}${l.expiresOn ? ` · expires ${l.expiresOn}` : ''}${l.expired ? ' (expired)' : ''}${figures}`, disabled: l.expired && mode.toCustomer === true };
    }),
  ];
  const value = line.lot?.number ? line.lot.number : counting ? null : FEFO;
  return (
    <Select
      label="Lot"
      aria-label={`Lot of ${line.item.sku}`}
      data={data}
      value={value}
      placeholder={counting ? 'Choose the lot counted' : undefined}
      searchable={counting}
      allowDeselect={false}
      error={errors.lot ?? (lots.error ? `Could not load the lots: ${lots.error.message}` : undefined)}
      onChange={(v) => dispatch({ type: 'lot', sku: line.item.sku, lot: { ...NO_LOT, number: v && v !== FEFO ? v : '' } })}
      comboboxProps={{ withinPortal: true }}
      size="sm"
    />
  );
}

/** One serial per unit: each scan (or typed serial and Enter) adds it; one already on the line is refused. */
function SerialEntry({ line, dispatch, errors, justScanned }: Omit<Props, 'mode'>) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (justScanned) input.current?.focus();
  }, [justScanned, line.serials?.length]);

  function handleKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const serial = value.trim();
    const refused = serialProblem(line, serial);
    setProblem(refused);
    // Cleared either way, so the scanner's next serial does not land after a refused one.
    setValue('');
    if (refused) return beep('error');
    beep('ok');
    dispatch({ type: 'serial', sku: line.item.sku, serial });
  }

  const serials = line.serials ?? [];
  return (
    <Stack gap={4}>
      <TextInput
        ref={input}
        label="Serial numbers"
        description="Scan the serial of each unit; the quantity is their count"
        aria-label={`Serial number of ${line.item.sku}`}
        placeholder="Scan a serial number…"
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={handleKey}
        error={problem ?? errors.serials}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="enter"
        size="sm"
      />
      {serials.length > 0 && (
        <Group gap={4} role="list" aria-label={`Serials of ${line.item.sku}`}>
          {serials.map((serial) => (
            <Badge key={serial} role="listitem" variant="light" tt="none" pr={2} rightSection={
              <ActionIcon size="xs" variant="transparent" aria-label={`Remove serial ${serial}`} onClick={() => dispatch({ type: 'unserial', sku: line.item.sku, serial })}>
                <IconX size={12} aria-hidden />
              </ActionIcon>
            }>{serial}</Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}

/** The lot or serial part of a scanned line, for items tracked that way; nothing for the others. */
export function LineTracking(props: Props) {
  const { line, mode } = props;
  if (line.item.tracking === 'serial') return <SerialEntry {...props} />;
  if (line.item.tracking !== 'lot') return null;
  return mode.incoming ? <LotFields {...props} /> : <LotChoice {...props} />;
}

export function hasTracking(line: ScanLine): boolean {
  return line.item.tracking === 'lot' || line.item.tracking === 'serial';
}
