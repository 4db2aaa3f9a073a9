import { Paper, Stack, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useReorderStatus } from '../api/purchasing-queries';
import type { ReorderStatus } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCursorPager } from '../lib/cursor-pager';
import { SiteSelect } from '../locations/site-select';
import { LowStockTable } from './low-stock-table';
import { PolicyForm, policyValues } from './policy-form';
import { SuggestionsPanel } from './suggestions-panel';

/** When to buy and how much: low-stock alerts, suggested orders by supplier, and the reorder policy of any item at any site. */
export function PlanningPage() {
  const [params, setParams] = useSearchParams();
  const site = params.get('site') ?? undefined;
  const pager = useCursorPager(site ?? '');
  const alerts = useReorderStatus({ site, low: true }, pager.cursor, 25);
  const [editing, setEditing] = useState<{ key: string; status: ReorderStatus | null }>({ key: 'new', status: null });
  const formRef = useRef<HTMLDivElement>(null);

  function edit(status: ReorderStatus) {
    setEditing({ key: `${status.item.id}|${status.site.id}|${status.updatedAt}`, status });
    formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  return (
    <Stack gap="md">
      <PageHeader
        title="Planning"
        description="Items below their reorder point, what to order from whom, and the reorder levels."
        actions={
          <SiteSelect label="Site" placeholder="All sites" clearable value={site ?? null} w={240}
            onChange={(v) => setParams((p) => { if (v) p.set('site', v); else p.delete('site'); return p; }, { replace: true })} />
        }
      />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">Low-stock alerts</Title>
        <QueryState query={alerts} what="low-stock alerts">
          {(page) => (
            <>
              <LowStockTable rows={page.data} onEdit={edit} />
              {(page.nextCursor !== null || pager.page > 1) && (
                <Pager label="Low-stock alerts" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
              )}
            </>
          )}
        </QueryState>
      </Paper>
      <SuggestionsPanel site={site} />
      <Paper withBorder p="md" ref={formRef}>
        <Title order={2} size="h4" mb="xs">Reorder policy</Title>
        <PolicyForm key={editing.key} initial={policyValues(editing.status, site ?? null)} />
      </Paper>
    </Stack>
  );
}
