import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useSerial } from '../api/tracking-queries';
import type { SerialDetail } from '../api/tracking-types';
import { PageHeader } from '../layout/page-header';
import { formatDateTime } from '../lib/format';
import { MovementsTable } from '../movements/movements-table';

const VIRTUAL_PLACES: Record<string, string> = { customer: 'with a customer', supplier: 'back with the supplier', scrap: 'scrapped', loss: 'written off', transit: 'in transit' };

function SerialCard({ serial }: { serial: SerialDetail }) {
  const virtual = VIRTUAL_PLACES[serial.location.code];
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">{serial.item.sku} · serial {serial.serialNumber}</Title>
        <Group gap="xs" role="group" aria-label="Where the unit is now">
          <Text size="sm">Now at</Text>
          <Badge size="lg" variant="light" color={virtual ? 'gray' : 'teal'} tt="none">{serial.location.code}</Badge>
          {virtual && <Text size="sm" c="dimmed">({virtual})</Text>}
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          First received {formatDateTime(serial.createdAt)} · <Anchor component={Link} to={`/items/${encodeURIComponent(serial.item.sku)}`} size="xs">item {serial.item.sku}</Anchor>
        </Text>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">History</Title>
        <MovementsTable movements={serial.history} caption={`Movements of serial ${serial.serialNumber}`} showItem={false} />
      </Paper>
    </Stack>
  );
}

/** Finds one unit by its item and serial number: where it is now and every movement that carried it. */
export function SerialLookupPage() {
  const [params, setParams] = useSearchParams();
  const item = params.get('item');
  const serial = params.get('serial');
  const [itemText, setItemText] = useState(item ?? '');
  const [serialText, setSerialText] = useState(serial ?? '');
  const query = useSerial(item, serial);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!itemText.trim() || !serialText.trim()) return;
    setParams({ item: itemText.trim(), serial: serialText.trim() });
  }

  const notFound = query.error instanceof ApiError && query.error.status === 404;
  return (
    <>
      <PageHeader title="Serial lookup" description="Scan or type the item and the serial number on the unit." />
      <Stack gap="md">
        <Paper withBorder p="md" maw={720}>
          <form onSubmit={submit}>
            <Group align="flex-end" gap="sm">
              <TextInput label="Item" description="Its SKU" value={itemText} onChange={(e) => setItemText(e.currentTarget.value)} required style={{ flex: '1 1 180px' }} autoComplete="off" />
              <TextInput label="Serial number" value={serialText} onChange={(e) => setSerialText(e.currentTarget.value)} required style={{ flex: '1 1 180px' }} autoComplete="off" spellCheck={false} />
              <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />}>Look up</Button>
            </Group>
          </form>
        </Paper>
        {notFound && <Alert color="yellow" title="Not found">{query.error?.message}</Alert>}
        {query.error && !notFound && <Alert color="red" role="alert" title="Could not look the serial up">{query.error.message}</Alert>}
        {query.data && <SerialCard serial={query.data} />}
      </Stack>
    </>
  );
}
