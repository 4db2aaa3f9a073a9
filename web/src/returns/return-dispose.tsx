import { Alert, Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { post, seg } from '../api/client';
import { useReasonCodes } from '../api/queries';
import { formatLot, formatQuantity } from '../lib/format';
import { newIdempotencyKey } from '../lib/idempotency';
import { placeProblem } from '../lib/place-problem';
import { checkQuantity } from '../lib/quantity';
import { LocationSelect } from '../operations/location-select';
import { serialsInQc } from './return-split';
import { lineName } from './return-tables';
import type { Return, ReturnLine, ReturnStepResult } from './return-types';

type Action = 'restock' | 'scrap';

/**
 * Restocks or scraps one line's units from quality control, with a reason. The first press
 * shows what will move; the second sends it, so nothing leaves QC by a slip of the finger.
 * A serial line ticks the units that go (all of them at first), so a partial step names them.
 */
export function ReturnDispose({ ret, line, onClose, onDone }: { ret: Return; line: ReturnLine | null; onClose: () => void; onDone: (message: string) => Promise<void> }) {
  return (
    <Modal opened={line !== null} onClose={onClose} title={line ? `Restock or scrap ${lineName(line)}` : ''}>
      {line && <DisposeForm key={line.id} ret={ret} line={line} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function DisposeForm({ ret, line, onClose, onDone }: { ret: Return; line: ReturnLine; onClose: () => void; onDone: (message: string) => Promise<void> }) {
  const reasons = useReasonCodes();
  const [action, setAction] = useState<Action>('restock');
  const [typedQuantity, setQuantity] = useState(line.inQc);
  const serialLine = line.item.tracking === 'serial';
  const inQc = serialLine ? serialsInQc(ret, line) : [];
  const [serials, setSerials] = useState<string[]>(inQc);
  const quantity = serialLine ? String(serials.length) : typedQuantity;
  const [location, setLocation] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const amount = quantity.trim().replace(',', '.');
  // In the order they came into QC, whatever order they were ticked in.
  const chosen = inQc.filter((s) => serials.includes(s));
  const units = `${formatQuantity(amount)} × ${line.item.sku}${serialLine ? ` (${chosen.join(', ')})` : ''}`;
  const where = action === 'restock' ? `into ${location ?? '?'}` : 'to scrap';
  // A change after the review asks for a new one, so what is confirmed is what is sent.
  useEffect(() => setReviewing(false), [action, amount, location, reason, serials]);

  function review() {
    const problems: Record<string, string> = {};
    const checked = checkQuantity(amount);
    if (serialLine && serials.length === 0) problems['lines.0.serials'] = 'Choose the serials that go';
    else if (!checked.ok) problems['lines.0.quantity'] = checked.message;
    if (action === 'restock' && !location) problems['lines.0.location'] = 'Choose the sellable bin the units go back to';
    if (!reason) problems['lines.0.reason'] = 'Choose a reason';
    setErrors(problems);
    setFormError(null);
    setReviewing(Object.keys(problems).length === 0);
  }

  async function send() {
    const body = { lines: [{ line: line.id, quantity: amount, action, reason: reason ?? '', ...(serialLine && { serials: chosen }), ...(action === 'restock' && location && { location }) }] };
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    setBusy(true);
    try {
      await post<ReturnStepResult>(`/api/v1/returns/${seg(ret.id)}/dispose`, body, attempt.current.key);
      attempt.current = null;
      onClose();
      await onDone(`${action === 'restock' ? 'Restocked' : 'Scrapped'} ${units} ${where}`);
    } catch (error) {
      const placed = placeProblem(error, ['lines.0.quantity', 'lines.0.location', 'lines.0.reason', 'lines.0.from', 'lines.0.lot', 'lines.0.serials']);
      setErrors(placed.fields);
      setFormError(placed.formError);
      setReviewing(false);
    } finally {
      setBusy(false);
    }
  }

  const verb = action === 'restock' ? 'Restock' : 'Scrap';
  return (
    <Stack gap="sm">
      <Text size="sm">{formatQuantity(line.inQc)} {line.item.unit} of {line.item.sku}{line.lot ? `, ${formatLot(line.lot)},` : ''} in quality control (came back as “{line.reasonCode}”).</Text>
      <SegmentedControl aria-label="What happens to the units" value={action} onChange={(v) => setAction(v === 'scrap' ? 'scrap' : 'restock')}
        data={[{ value: 'restock', label: 'Restock' }, { value: 'scrap', label: 'Scrap' }]} />
      {serialLine ? (
        <Checkbox.Group label="Serials" description="Tick the units that go; the quantity is their count" value={serials} onChange={setSerials}
          error={errors['lines.0.serials'] ?? errors['lines.0.quantity'] ?? errors['lines.0.from']}>
          <Group gap="sm" mt={4}>{inQc.map((s) => <Checkbox key={s} value={s} label={s} />)}</Group>
        </Checkbox.Group>
      ) : (
        <TextInput label="Quantity" inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.currentTarget.value)} error={errors['lines.0.quantity'] ?? errors['lines.0.from'] ?? errors['lines.0.lot']}
          rightSection={<Text size="xs" c="dimmed">{line.item.unit}</Text>} rightSectionWidth={44} />
      )}
      {action === 'restock' && (
        <LocationSelect label="Restock into" memory="return-restock" onlySellable error={errors['lines.0.location']} onChange={setLocation} />
      )}
      <Select label="Reason" placeholder={action === 'restock' ? 'e.g. Inspected, as new' : 'e.g. Damaged'} data={(reasons.data?.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
        value={reason} onChange={setReason} error={errors['lines.0.reason']} comboboxProps={{ withinPortal: true }} />
      {formError && <Alert color="red" role="alert" title="Not done">{formError}</Alert>}
      {reviewing && (
        <Alert color={action === 'scrap' ? 'red' : 'blue'} title={`${verb} ${units}?`}>
          From quality control {where}, reason “{reason}”. This posts a movement in the ledger.
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>Back</Button>
        {reviewing
          ? <Button color={action === 'scrap' ? 'red' : undefined} loading={busy} onClick={() => void send()}>{`Confirm ${action}`}</Button>
          : <Button onClick={review}>{verb}</Button>}
      </Group>
    </Stack>
  );
}
