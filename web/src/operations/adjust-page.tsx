import { Group, Radio, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useReasonCodes } from '../api/queries';
import type { Posting } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { LocationSelect } from './location-select';
import { postingSummary } from './posting-summary';
import { ScanForm } from './scan-form';
import { FormProblem, useOperationSubmit } from './use-operation-submit';
import { useScanSession } from './use-scan-session';

type Mode = 'delta' | 'countedQuantity';

/** Corrects stock with a reason: by a signed change, or to what was counted on the shelf. */
export function AdjustPage() {
  const session = useScanSession({ tracked: true });
  const reasons = useReasonCodes();
  const [location, setLocation] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('countedQuantity');
  const [note, setNote] = useState('');
  const submitter = useOperationSubmit<Posting>(session.state, {
    url: '/api/v1/adjustments',
    fields: ['location', 'reason', 'note'],
    quantityField: mode,
    allowNegative: mode === 'delta',
    build: (lines) => {
      if (!location) throw new FormProblem('Choose the location being adjusted.');
      if (!reason) throw new FormProblem('Choose a reason.');
      return { location, reason, lines: lines.map(({ item, quantity, lot, serials }) => ({ item, [mode]: quantity, ...(lot && { lot }), ...(serials && { serials }) })), ...(note.trim() && { note: note.trim() }) };
    },
    success: (p) => (p.movements.length === 0 ? 'Counted: stock already matched' : `Adjusted ${postingSummary(p)}`),
    onSuccess: () => {
      session.clear();
      setNote('');
    },
  });
  return (
    <>
      <PageHeader title="Adjust" description="Count a shelf by scanning every unit, or enter a change; every adjustment needs a reason." />
      <ScanForm
        session={session}
        submitter={submitter}
        submitLabel="Adjust"
        quantityLabel={mode === 'delta' ? 'Change' : 'Counted'}
        tracking={{ incoming: false, location }}
        settings={
          <>
            <LocationSelect label="Location" memory="adjust" onChange={setLocation} error={submitter.fieldErrors.location} />
            <Select
              label="Reason" placeholder="Choose a reason" value={reason} onChange={setReason} error={submitter.fieldErrors.reason}
              data={(reasons.data?.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
            />
            <Radio.Group label="Quantities are" value={mode} onChange={(v) => setMode(v as Mode)}>
              <Group gap="md" mt={4}>
                <Radio value="countedQuantity" label="What was counted" />
                <Radio value="delta" label="A change (+/−)" />
              </Group>
            </Radio.Group>
            <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={submitter.fieldErrors.note} />
          </>
        }
      />
    </>
  );
}
