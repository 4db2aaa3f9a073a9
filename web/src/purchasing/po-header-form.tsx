import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { patch, seg } from '../api/client';
import type { PurchaseOrder } from '../api/types';
import { placeProblem } from '../lib/place-problem';
import { SiteSelect } from '../locations/site-select';

/** A draft's delivery site, expected date and notes. */
export function PoHeaderForm({ order, opened, onClose, onDone }: { order: PurchaseOrder; opened: boolean; onClose: () => void; onDone: (message: string) => Promise<void> }) {
  const [site, setSite] = useState<string | null>(order.site.code);
  const [expectedDate, setExpectedDate] = useState(order.expectedDate ?? '');
  const [notes, setNotes] = useState(order.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    setBusy(true);
    try {
      await patch(`/api/v1/purchase-orders/${seg(order.id)}`, { ...(site && { site }), expectedDate: expectedDate || null, notes: notes.trim() === '' ? null : notes });
      onClose();
      await onDone(`${order.number} saved`);
    } catch (error) {
      const placed = placeProblem(error, ['site', 'expectedDate', 'notes']);
      setErrors(placed.fields);
      setFormError(placed.formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={`Details of ${order.number}`}>
      <form onSubmit={submit} noValidate aria-label="Order details">
        <Stack gap="sm">
          {formError && <Alert color="red" role="alert" title="Not saved">{formError}</Alert>}
          <SiteSelect label="Deliver to" value={site} onChange={setSite} error={errors.site} />
          <TextInput label="Expected on" type="date" value={expectedDate} onChange={(e) => setExpectedDate(e.currentTarget.value)} error={errors.expectedDate} />
          <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
          <Group>
            <Button type="submit" loading={busy}>Save details</Button>
            <Button variant="default" onClick={onClose}>Cancel</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
