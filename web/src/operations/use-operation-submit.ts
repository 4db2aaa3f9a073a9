import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError, post } from '../api/client';
import { byField } from '../lib/field-errors';
import { newIdempotencyKey } from '../lib/idempotency';
import { beep } from '../lib/sound';
import { checkLines, type ScanState, type SentTracking } from './scan-lines';

export interface SentLine extends SentTracking {
  item: string;
  quantity: string;
  unitCost?: string;
}

interface Options<R> {
  url: string;
  /** The request body for these lines, or a message when something the form owns is missing. */
  build: (lines: SentLine[]) => unknown;
  /** The API's name for a line's quantity (`quantity`, `delta`, `countedQuantity`). */
  quantityField?: string;
  /** The API's name for the list of lines (`lines`; a count's `entries`). */
  linesField?: string;
  /** The form's own fields the API may complain about, e.g. `location`. */
  fields: string[];
  allowNegative?: boolean;
  /** Stock coming in: lot-tracked lines must name their lot (with its dates). */
  incoming?: boolean;
  success: (result: R) => string;
  onSuccess: (result: R) => void;
}

export class FormProblem extends Error {}

/**
 * Posts a scan-first form: checks the quantities, sends once per distinct body (a double tap
 * reuses the Idempotency-Key, so the server posts it once), and puts the API's messages on the
 * line or field they name.
 */
export function useOperationSubmit<R>(state: ScanState, options: Options<R>) {
  const queryClient = useQueryClient();
  const [submitting, setSubmitting] = useState(false);
  const [lineErrors, setLineErrors] = useState<Record<string, Record<string, string>>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const quantityField = options.quantityField ?? 'quantity';
  const lineField = new RegExp(`^/${options.linesField ?? 'lines'}/(\\d+)/(\\w+)(?:/(\\w+))?$`);

  function fail(message: string | null) {
    beep('error');
    setFormError(message);
  }

  async function submit() {
    setLineErrors({});
    setFieldErrors({});
    setFormError(null);
    if (state.lines.length === 0) return fail('Scan or type at least one item first.');
    const checked = checkLines(state.lines, { allowNegative: options.allowNegative ?? false, incoming: options.incoming ?? false });
    if (!checked.ok) {
      setLineErrors(Object.fromEntries(Object.entries(checked.errors).map(([i, messages]) => [state.lines[Number(i)]?.item.sku ?? '', messages])));
      return fail(null);
    }
    const sent: SentLine[] = checked.lines.map((l, i) => {
      const cost = state.lines[i]?.unitCost?.trim();
      return cost ? { ...l, unitCost: cost } : l;
    });
    let body: unknown;
    try {
      body = options.build(sent);
    } catch (error) {
      return fail(error instanceof FormProblem ? error.message : String(error));
    }
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    setSubmitting(true);
    try {
      const result = await post<R>(options.url, body, attempt.current.key);
      attempt.current = null;
      beep('ok');
      notifications.show({ color: 'green', message: options.success(result) });
      await queryClient.invalidateQueries();
      options.onSuccess(result);
    } catch (error) {
      if (!(error instanceof ApiError)) return fail(String(error));
      const perLine: Record<string, Record<string, string>> = {};
      const rest = error.fieldErrors.filter((e) => {
        // `/lines/0/lot/expiresOn` belongs at the lot's expiry field, `/lines/0/serials/1` at the serials.
        const match = lineField.exec(e.path);
        const sku = match ? sent[Number(match[1])]?.item : undefined;
        if (!match || !sku) return true;
        const field = match[2] === quantityField ? 'quantity' : match[2] === 'lot' && match[3] && match[3] !== 'number' ? match[3] : (match[2] as string);
        perLine[sku] = { ...perLine[sku], [field]: e.message };
        return false;
      });
      const placed = byField(rest, options.fields);
      setLineErrors(perLine);
      setFieldErrors(placed.fields);
      const placedAnything = Object.keys(perLine).length > 0 || Object.keys(placed.fields).length > 0;
      fail(placed.other.length > 0 ? placed.other.join('; ') : placedAnything ? `${error.problem.title}: see the marked fields.` : error.message);
    } finally {
      setSubmitting(false);
    }
  }

  return { submit, submitting, lineErrors, fieldErrors, formError };
}
