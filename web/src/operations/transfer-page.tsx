import { Radio, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Movement, Transfer } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { LocationSelect } from './location-select';
import { postingSummary } from './posting-summary';
import { ScanForm } from './scan-form';
import { TransfersInTransit } from './transfers-in-transit';
import { FormProblem, useOperationSubmit } from './use-operation-submit';
import { useScanSession } from './use-scan-session';

type Mode = 'immediate' | 'two-step';

/** Moves stock between locations, at once or through transit until the destination receives it. */
export function TransferPage() {
  const session = useScanSession({ tracked: true });
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('immediate');
  const [reference, setReference] = useState('');
  const submitter = useOperationSubmit<{ transfer: Transfer; movements: Movement[] }>(session.state, {
    url: '/api/v1/transfers',
    fields: ['from', 'to', 'reference'],
    build: (lines) => {
      if (!from || !to) throw new FormProblem('Choose where the goods come from and where they go.');
      return { from, to, mode, lines: lines.map(({ item, quantity, lot, serials }) => ({ item, quantity, ...(lot && { lot }), ...(serials && { serials }) })), ...(reference.trim() && { reference: reference.trim() }) };
    },
    success: (r) => (r.transfer.mode === 'two-step' ? `Sent ${postingSummary(r)}; receive it at ${r.transfer.to.code} when it arrives` : `Moved ${postingSummary(r)}`),
    onSuccess: () => {
      session.clear();
      setReference('');
    },
  });
  return (
    <>
      <PageHeader title="Transfer" description="Scan what moves; each scan of the same item adds one." />
      <ScanForm
        session={session}
        submitter={submitter}
        submitLabel={mode === 'two-step' ? 'Send' : 'Transfer'}
        tracking={{ incoming: false, location: from }}
        settings={
          <>
            <LocationSelect label="From" memory="transfer-from" onChange={setFrom} error={submitter.fieldErrors.from} />
            <LocationSelect label="To" memory="transfer-to" onChange={setTo} error={submitter.fieldErrors.to} />
            <Radio.Group label="How" value={mode} onChange={(v) => setMode(v as Mode)}>
              <Group gap="md" mt={4}>
                <Radio value="immediate" label="At once" />
                <Radio value="two-step" label="Through transit" />
              </Group>
            </Radio.Group>
            <TextInput label="Reference" value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={submitter.fieldErrors.reference} />
          </>
        }
      />
      <TransfersInTransit />
    </>
  );
}
