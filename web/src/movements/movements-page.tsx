import { Paper, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useMovements, type MovementFilters as Filters } from '../api/queries';
import { PageHeader } from '../layout/page-header';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCursorPager } from '../lib/cursor-pager';
import { MovementFilters, type FilterValues } from './movement-filters';
import { MovementsTable } from './movements-table';

const NAMES: Array<keyof FilterValues> = ['item', 'location', 'kind', 'from', 'to', 'documentType', 'documentId', 'postingId'];

/** A calendar day typed in a date field, as the API's RFC 3339 bounds (UTC days, like the reports). */
function dayStart(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  return date.toISOString();
}

/** The stock ledger: every movement, newest first, filtered and paged; each row links to its document and actor. */
export function MovementsPage() {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => Object.fromEntries(NAMES.map((n) => [n, params.get(n) ?? ''])) as FilterValues, [params]);
  const filters: Filters = useMemo(() => {
    const f: Filters = {};
    for (const name of ['item', 'location', 'kind', 'documentType', 'documentId', 'postingId'] as const) if (values[name]) f[name] = values[name];
    const from = dayStart(values.from);
    const to = dayStart(values.to, 1);
    if (from) f.from = from;
    if (to) f.to = to;
    return f;
  }, [values]);
  const pager = useCursorPager(JSON.stringify(filters));
  const query = useMovements(filters, pager.cursor, 50, pager.page === 1);

  function apply(changes: Partial<FilterValues>) {
    setParams((p) => {
      for (const [name, value] of Object.entries(changes)) {
        if (value) p.set(name, value);
        else p.delete(name);
      }
      return p;
    });
  }

  return (
    <Stack gap="md">
      <PageHeader title="Movements" description="The stock ledger. Movements are never edited; corrections are new, reversing movements." />
      <Paper withBorder p="sm"><MovementFilters values={values} onApply={apply} /></Paper>
      <Paper withBorder p="sm">
        <QueryState query={query} what="movements">
          {(page) => (
            <>
              <MovementsTable movements={page.data} caption="Movements, newest first" />
              <Pager label="Movements" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
            </>
          )}
        </QueryState>
      </Paper>
    </Stack>
  );
}
