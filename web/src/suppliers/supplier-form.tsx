import { Alert, Button, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import type { Supplier } from '../api/types';
import { useApiForm } from '../lib/use-api-form';

const EMPTY = { code: '', name: '', email: '', phone: '', address: '', currency: 'EUR', leadTimeDays: '', paymentTerms: '', overReceiptTolerance: '0' };
export type SupplierValues = typeof EMPTY;

export function supplierValues(s: Supplier): SupplierValues {
  return {
    code: s.code, name: s.name, email: s.email ?? '', phone: s.phone ?? '', address: s.address ?? '', currency: s.currency,
    leadTimeDays: s.leadTimeDays === null ? '' : String(s.leadTimeDays), paymentTerms: s.paymentTerms ?? '', overReceiptTolerance: s.overReceiptTolerance,
  };
}

/** Whole days as a JSON number; anything else is sent as typed so the API names the problem on the field. */
export function wholeDays(text: string): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : t;
}

/** The body the API takes: empty optional fields are cleared (null), the code only when creating. */
export function supplierBody(v: SupplierValues, creating: boolean): Record<string, unknown> {
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    ...(creating && { code: v.code.trim() }),
    name: v.name.trim(), currency: v.currency.trim().toUpperCase(),
    email: optional(v.email), phone: optional(v.phone), address: v.address.trim() === '' ? null : v.address,
    leadTimeDays: wholeDays(v.leadTimeDays), paymentTerms: optional(v.paymentTerms),
    overReceiptTolerance: v.overReceiptTolerance.trim() === '' ? '0' : v.overReceiptTolerance.trim().replace(',', '.'),
  };
}

interface Props {
  initial?: SupplierValues;
  creating: boolean;
  submitLabel: string;
  label: string;
  onSubmit: (values: SupplierValues) => Promise<unknown>;
  extra?: ReactNode;
}

/** A supplier's details; the API's messages appear on the fields they concern. */
export function SupplierForm({ initial = EMPTY, creating, submitLabel, label, onSubmit, extra }: Props) {
  const form = useApiForm<SupplierValues>(initial);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await form.submit(onSubmit);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="sm">
        {form.formError && <Alert color="red" role="alert" title="Not saved">{form.formError}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {creating && <TextInput label="Code" description="Short and unique, e.g. ACME" required {...form.field('code')} />}
          <TextInput label="Name" required {...form.field('name')} />
          <TextInput label="Currency" description="ISO 4217, e.g. EUR, USD" maxLength={3} {...form.field('currency')} />
          <TextInput label="Lead time (days)" description="Ordering to delivery" inputMode="numeric" {...form.field('leadTimeDays')} />
          <TextInput label="Payment terms" placeholder="30 days net" {...form.field('paymentTerms')} />
          <TextInput label="Over-receipt tolerance (%)" description="How much more than ordered may be received" inputMode="decimal" {...form.field('overReceiptTolerance')} />
          <TextInput label="Email" type="email" {...form.field('email')} />
          <TextInput label="Phone" type="tel" {...form.field('phone')} />
        </SimpleGrid>
        <Textarea label="Address" autosize minRows={2} {...form.field('address')} />
        <Group>
          <Button type="submit" loading={form.submitting}>{submitLabel}</Button>
          {extra}
        </Group>
      </Stack>
    </form>
  );
}
