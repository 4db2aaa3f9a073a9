import { Alert, Button, Grid, Group, Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { CameraScanner } from './camera-scanner';
import type { LineTrackingMode } from './line-tracking';
import { ScanBox } from './scan-box';
import { ScanLinesTable } from './scan-lines-table';
import { ScanStatus } from './scan-status';
import type { useScanSession } from './use-scan-session';

interface Submitter {
  submit: () => Promise<void>;
  submitting: boolean;
  lineErrors: Record<string, Record<string, string>>;
  formError: string | null;
}

interface Props {
  session: ReturnType<typeof useScanSession>;
  submitter: Submitter;
  submitLabel: string;
  /** The form's own fields: locations, reason, reference. */
  settings: ReactNode;
  quantityLabel?: string;
  withCost?: boolean;
  /** Lots and serials on tracked items' lines: named with dates coming in, chosen at `location` going out. */
  tracking?: LineTrackingMode;
}

/** The common frame of receive, ship, transfer and adjust: where and why, then scan, check and post. */
export function ScanForm({ session, submitter, submitLabel, settings, quantityLabel, withCost, tracking }: Props) {
  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="md">
          <Stack gap="sm">{settings}</Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <ScanBox onCode={session.onCode} />
            <Group justify="space-between" align="flex-start">
              <ScanStatus state={session.state} message={session.message} />
              <CameraScanner onCode={session.onCode} />
            </Group>
            <ScanLinesTable state={session.state} dispatch={session.dispatch} errors={submitter.lineErrors} quantityLabel={quantityLabel} withCost={withCost} tracking={tracking} />
            {submitter.formError && <Alert color="red" role="alert" title="Not posted">{submitter.formError}</Alert>}
            <Group>
              <Button size="md" onClick={() => void submitter.submit()} loading={submitter.submitting} disabled={session.state.lines.length === 0}>{submitLabel}</Button>
              <Button size="md" variant="default" onClick={session.clear} disabled={session.state.lines.length === 0}>Clear</Button>
            </Group>
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
