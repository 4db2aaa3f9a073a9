import { Alert, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ScanState } from './scan-lines';
import type { ScanMessage } from './use-scan-session';

/** The running count and what the last scan did, read out by screen readers as it changes. */
export function ScanStatus({ state, message }: { state: ScanState; message: ScanMessage | null }) {
  const items = state.lines.length;
  return (
    <div>
      <Group gap="xs" mb={6}>
        <Text fw={700} size="lg" role="status" aria-live="polite" data-testid="scan-count">
          {state.scans} scanned
        </Text>
        <Text c="dimmed" size="sm">· {items} {items === 1 ? 'item' : 'items'}</Text>
      </Group>
      {message?.tone === 'error' && (
        <Alert color="red" variant="filled" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />} p="xs">{message.text}</Alert>
      )}
      {message?.tone === 'ok' && (
        <Text size="sm" c="green.8" aria-live="polite"><IconCircleCheck size={14} aria-hidden style={{ verticalAlign: -2 }} /> {message.text}</Text>
      )}
    </div>
  );
}
