import { TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Posting } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { LocationSelect } from './location-select';
import { postingSummary } from './posting-summary';
import { ScanForm } from './scan-form';
import { FormProblem, useOperationSubmit } from './use-operation-submit';
import { useScanSession } from './use-scan-session';

/** Goods leaving for a customer: scan what is packed, post the shipment. */
export function ShipPage() {
  const session = useScanSession({ tracked: true });
  const [location, setLocation] = useState<string | null>(null);
  const [reference, setReference] = useState('');
  const submitter = useOperationSubmit<Posting>(session.state, {
    url: '/api/v1/shipments',
    fields: ['location', 'reference'],
    build: (lines) => {
      if (!location) throw new FormProblem('Choose where the goods are shipped from.');
      return { location, lines: lines.map(({ item, quantity, lot, serials }) => ({ item, quantity, ...(lot && { lot }), ...(serials && { serials }) })), ...(reference.trim() && { reference: reference.trim() }) };
    },
    success: (p) => `Shipped ${postingSummary(p)}`,
    onSuccess: () => {
      session.clear();
      setReference('');
    },
  });
  return (
    <>
      <PageHeader title="Ship" description="Scan each unit as it is packed; each scan of the same item adds one." />
      <ScanForm
        session={session}
        submitter={submitter}
        submitLabel="Ship"
        tracking={{ incoming: false, location, toCustomer: true }}
        settings={
          <>
            <LocationSelect label="Ship from" memory="ship" onlySellable onChange={setLocation} error={submitter.fieldErrors.location} />
            <TextInput label="Reference" description="Sales order or parcel number" value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={submitter.fieldErrors.reference} />
          </>
        }
      />
    </>
  );
}
