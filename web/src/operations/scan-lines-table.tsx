import { ActionIcon, Group, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Fragment, type Dispatch } from 'react';
import { useCompact } from '../layout/use-compact';
import { hasTracking, LineTracking, type LineTrackingMode } from './line-tracking';
import type { ScanAction, ScanLine, ScanState } from './scan-lines';

interface Props {
  state: ScanState;
  dispatch: Dispatch<ScanAction>;
  /** Messages per SKU and field ('quantity', 'unitCost', 'item'), from the form's checks or the API. */
  errors: Record<string, Record<string, string>>;
  quantityLabel?: string;
  withCost?: boolean;
  /** Forms that move stock take a lot or serials on lines of tracked items. */
  tracking?: LineTrackingMode | undefined;
}

type LineProps = { line: ScanLine; dispatch: Dispatch<ScanAction>; errors: Record<string, string>; quantityLabel: string };

function QuantityInput({ line, dispatch, errors, quantityLabel }: LineProps) {
  return (
    <TextInput
      aria-label={`${quantityLabel} of ${line.item.sku}`}
      value={line.quantity}
      // A serial item's quantity is the number of serials scanned, so it is not typed.
      readOnly={line.item.tracking === 'serial'}
      inputMode="decimal"
      rightSection={<Text size="xs" c="dimmed">{line.item.unit}</Text>}
      rightSectionWidth={44}
      error={errors.quantity}
      onChange={(e) => dispatch({ type: 'quantity', sku: line.item.sku, quantity: e.currentTarget.value })}
    />
  );
}

function CostInput({ line, dispatch, errors }: Omit<LineProps, 'quantityLabel'>) {
  return (
    <TextInput
      aria-label={`Unit cost of ${line.item.sku}`}
      placeholder="cost (optional)"
      inputMode="decimal"
      value={line.unitCost ?? ''}
      error={errors.unitCost}
      onChange={(e) => dispatch({ type: 'cost', sku: line.item.sku, unitCost: e.currentTarget.value })}
    />
  );
}

function RemoveButton({ line, dispatch }: Pick<LineProps, 'line' | 'dispatch'>) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={`Remove ${line.item.sku}`} onClick={() => dispatch({ type: 'remove', sku: line.item.sku })}>
      <IconTrash size={16} aria-hidden />
    </ActionIcon>
  );
}

function ItemCell({ line, errors }: Pick<LineProps, 'line' | 'errors'>) {
  return (
    <>
      <Text fw={600} size="sm">{line.item.sku}</Text>
      <Text size="xs" c="dimmed" lineClamp={1}>{line.item.name}</Text>
      {errors.item && <Text size="xs" c="red" role="alert">{errors.item}</Text>}
    </>
  );
}

/** The lines collected so far; quantities can be corrected by hand, lines removed. Stacked on a handheld. */
export function ScanLinesTable({ state, dispatch, errors, quantityLabel = 'Quantity', withCost = false, tracking }: Props) {
  const compact = useCompact();
  if (state.lines.length === 0) return <Text c="dimmed" size="sm" py="sm">Nothing scanned yet.</Text>;
  const flash = (line: ScanLine) => (line.item.sku === state.lastSku ? 'scan-flash' : undefined);
  const trackingOf = (line: ScanLine, lineErrors: Record<string, string>) =>
    tracking && hasTracking(line) ? <LineTracking line={line} dispatch={dispatch} errors={lineErrors} mode={tracking} justScanned={line.item.sku === state.lastSku} /> : null;
  if (compact) {
    return (
      <ul aria-label="Lines to post" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {state.lines.map((line) => {
          const lineErrors = errors[line.item.sku] ?? {};
          return (
            <li key={line.item.sku} className={flash(line)} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}><ItemCell line={line} errors={lineErrors} /></div>
                <RemoveButton line={line} dispatch={dispatch} />
              </Group>
              <Group gap="xs" grow mt={4} align="flex-start">
                <QuantityInput line={line} dispatch={dispatch} errors={lineErrors} quantityLabel={quantityLabel} />
                {withCost && <CostInput line={line} dispatch={dispatch} errors={lineErrors} />}
              </Group>
              {tracking && hasTracking(line) && <div style={{ marginTop: 4 }}>{trackingOf(line, lineErrors)}</div>}
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <Table.ScrollContainer minWidth={withCost ? 520 : 320}>
      <Table verticalSpacing={4} fz="sm">
        <caption className="visually-hidden">Lines to post</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col" w={140}>{quantityLabel}</Table.Th>
            {withCost && <Table.Th scope="col" w={150}>Unit cost</Table.Th>}
            <Table.Th scope="col" w={44}><span className="visually-hidden">Remove</span></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {state.lines.map((line) => {
            const lineErrors = errors[line.item.sku] ?? {};
            const extra = trackingOf(line, lineErrors);
            // The lot or serials of a line sit in a row under it, across the columns, so the figures keep their width.
            return (
              <Fragment key={line.item.sku}>
                <Table.Tr className={flash(line)} data-sku={line.item.sku} style={extra ? { borderBottom: 'none' } : undefined}>
                  <Table.Td><ItemCell line={line} errors={lineErrors} /></Table.Td>
                  <Table.Td><QuantityInput line={line} dispatch={dispatch} errors={lineErrors} quantityLabel={quantityLabel} /></Table.Td>
                  {withCost && <Table.Td><CostInput line={line} dispatch={dispatch} errors={lineErrors} /></Table.Td>}
                  <Table.Td><RemoveButton line={line} dispatch={dispatch} /></Table.Td>
                </Table.Tr>
                {extra && (
                  <Table.Tr className={flash(line)} data-tracking-of={line.item.sku}>
                    <Table.Td colSpan={withCost ? 4 : 3} pt={0}>{extra}</Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
