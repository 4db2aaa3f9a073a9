import { Alert, Button, Group, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { post } from '../api/client';
import type { PurchaseOrder } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { newIdempotencyKey } from '../lib/idempotency';
import { placeProblem } from '../lib/place-problem';
import { SiteSelect } from '../locations/site-select';
import { emptyLine, lineBody, OrderLineRows, type DraftLine } from './order-line-rows';
import { SupplierSelect } from './supplier-select';

/** A new draft order: supplier, where it is delivered, when, and its lines. Sent to the supplier from its page. */
export function NewPurchaseOrderPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [supplier, setSupplier] = useState<string | null>(params.get('supplier'));
  const [site, setSite] = useState<string | null>(params.get('site'));
  const [expectedDate, setExpectedDate] = useState('');
  const [notes, setNotes] = useState('');
  const [lines, setLines] = useState<DraftLine[]>(() => [emptyLine()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = useRef<{ body: string; key: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    if (!supplier || !site) {
      setErrors({ ...(!supplier && { supplier: 'Choose a supplier' }), ...(!site && { site: 'Choose where the goods are delivered' }) });
      return;
    }
    const used = lines.filter((l) => l.item.trim() || l.quantity.trim() || l.unitPrice.trim());
    const body = {
      supplier, site, ...(expectedDate && { expectedDate }), ...(notes.trim() && { notes: notes.trim() }),
      lines: used.map(lineBody),
    };
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    setBusy(true);
    try {
      const order = await post<PurchaseOrder>('/api/v1/purchase-orders', body, attempt.current.key);
      await queryClient.invalidateQueries({ queryKey: ['purchase-orders'] });
      notifications.show({ color: 'green', message: `Draft ${order.number} created` });
      navigate(`/purchase-orders/${encodeURIComponent(order.number)}`);
    } catch (error) {
      setLines(used.length > 0 ? used : lines);
      const keys = ['supplier', 'site', 'expectedDate', 'notes', ...used.flatMap((_, i) => [`lines.${i}.item`, `lines.${i}.quantity`, `lines.${i}.unitPrice`])];
      const placed = placeProblem(error, keys);
      setErrors(placed.fields);
      setFormError(placed.formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title="New purchase order" description="Saved as a draft; check it, then send it to the supplier from its page." />
      <Paper withBorder p="md" maw={960}>
        <form onSubmit={submit} noValidate aria-label="New purchase order">
          <Stack gap="md">
            {formError && <Alert color="red" role="alert" title="The order was not created">{formError}</Alert>}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <SupplierSelect value={supplier} onChange={setSupplier} error={errors.supplier} />
              <SiteSelect label="Deliver to" value={site} onChange={setSite} error={errors.site} />
              <TextInput label="Expected on" type="date" value={expectedDate} onChange={(e) => setExpectedDate(e.currentTarget.value)} error={errors.expectedDate}
                description="Blank: today plus the lead time" />
            </SimpleGrid>
            <Textarea label="Notes" autosize minRows={1} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
            <div>
              <Title order={2} size="h5" mb={6}>Lines</Title>
              <OrderLineRows supplier={supplier} lines={lines} onChange={setLines} errors={errors} />
            </div>
            <Group>
              <Button type="submit" loading={busy}>Create draft</Button>
              <Button variant="default" onClick={() => navigate('/purchase-orders')}>Cancel</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
