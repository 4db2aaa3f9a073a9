import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';

export interface Confirmation {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** Offer a note (sent as the action's reason, kept in the audit log). */
  withNote?: boolean;
  run: (note: string) => Promise<void>;
}

/** Asks before an action that cannot be undone; shows the API's refusal in place. */
export function ConfirmModal({ confirmation, onClose }: { confirmation: Confirmation | null; onClose: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setNote('');
    setError(null);
  }, [confirmation]);

  async function confirm() {
    if (!confirmation) return;
    setBusy(true);
    setError(null);
    try {
      await confirmation.run(note.trim());
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...e.fieldErrors.map((f) => f.message)].filter((m, i, all) => all.indexOf(m) === i).join(' · ') : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={confirmation !== null} onClose={onClose} title={confirmation?.title ?? ''}>
      {confirmation && (
        <Stack gap="sm">
          <Text size="sm">{confirmation.message}</Text>
          {confirmation.withNote && <Textarea label="Note" description="Why; kept in the audit log" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />}
          {error && <Alert color="red" role="alert" title="Not done">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Back</Button>
            <Button color={confirmation.danger ? 'red' : undefined} loading={busy} onClick={() => void confirm()} data-autofocus>{confirmation.confirmLabel}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
