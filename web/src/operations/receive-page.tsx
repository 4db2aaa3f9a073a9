import { TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Posting } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { LocationSelect } from './location-select';
import { ScanForm } from './scan-form';
import { FormProblem, useOperationSubmit } from './use-operation-submit';
import { useScanSession } from './use-scan-session';
import { postingSummary } from './posting-summary';

/** Goods arriving from a supplier: choose where they go, scan them in, post. */
export function ReceivePage() {
  const session = useScanSession({ tracked: true });
  const [location, setLocation] = useState<string | null>(null);
  const [reference, setReference] = useState('');
  const submitter = useOperationSubmit<Posting>(session.state, {
    url: '/api/v1/receipts',
    fields: ['location', 'reference'],
    incoming: true,
    build: (lines) => {
      if (!location) throw new FormProblem('Choose where the goods are received.');
      return { location, lines, ...(reference.trim() && { reference: reference.trim() }) };
    },
    success: (p) => `Received ${postingSummary(p)}`,
    onSuccess: () => {
      session.clear();
      setReference('');
    },
  });
  return (
    <>
      <PageHeader title="Receive" description="Scan each unit as it comes off the truck; each scan of the same item adds one." />
      <ScanForm
        session={session}
        submitter={submitter}
        submitLabel="Receive"
        withCost
        tracking={{ incoming: true, location }}
        settings={
          <>
            <LocationSelect label="Receive into" memory="receive" onChange={setLocation} error={submitter.fieldErrors.location} />
            <TextInput label="Reference" description="Delivery note or purchase order" value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={submitter.fieldErrors.reference} />
          </>
        }
      />
    </>
  );
}
