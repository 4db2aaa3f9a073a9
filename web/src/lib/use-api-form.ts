import { useState } from 'react';
import { ApiError } from '../api/client';
import { byField } from './field-errors';

/**
 * Form state for a form the API validates: its values, and after a refused submission the API's
 * messages placed on the fields they name (`errors[].path`) or, failing that, above the form.
 * `aliases` names the field that shows an API path the form calls differently.
 */
export function useApiForm<V extends Record<string, string>>(initial: V, aliases: Record<string, keyof V & string> = {}) {
  const [values, setValues] = useState<V>(initial);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const field = (name: keyof V & string) => ({
    value: values[name],
    error: fieldErrors[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
    },
  });

  async function submit<T>(send: (values: V) => Promise<T>): Promise<T | undefined> {
    setSubmitting(true);
    setFieldErrors({});
    setFormError(null);
    try {
      return await send(values);
    } catch (error) {
      if (error instanceof ApiError) {
        const placed = byField(error.fieldErrors, [...Object.keys(values), ...Object.keys(aliases)]);
        setFieldErrors(Object.fromEntries(Object.entries(placed.fields).map(([key, message]) => [aliases[key] ?? key, message])));
        const rest = placed.other.length > 0 ? placed.other.join('; ') : Object.keys(placed.fields).length === 0 ? error.message : null;
        setFormError(rest);
      } else {
        setFormError(error instanceof Error ? error.message : String(error));
      }
      return undefined;
    } finally {
      setSubmitting(false);
    }
  }

  return { values, setValues, field, submit, submitting, fieldErrors, formError };
}
