import { Anchor, Badge, Button, Group, Paper, Switch, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useChannels } from '../api/sales-channel-queries';
import type { Channel } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCompact } from '../layout/use-compact';
import { useCursorPager } from '../lib/cursor-pager';
import { formatQuantity } from '../lib/format';
import { KIND_LABELS } from './channel-labels';

/** "WH1, STORE-FLOOR": the locations a channel names (a site stands for everything in it). */
export function locationsText(c: Channel): string {
  return c.locations.length === 0 ? 'none' : c.locations.map((l) => l.code).join(', ');
}

function bufferText(c: Channel): string {
  return c.itemBuffers.length > 0 ? `${formatQuantity(c.buffer)} (+${c.itemBuffers.length} per item)` : formatQuantity(c.buffer);
}

/** On a handheld each channel is a short block rather than a row too wide to read. */
function ChannelList({ channels }: { channels: Channel[] }) {
  return (
    <ul aria-label="Sales channels" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {channels.map((c) => (
        <li key={c.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
          <Anchor component={Link} to={`/channels/${encodeURIComponent(c.code)}`} fw={600} size="sm">{c.code}</Anchor>
          {c.archived && <Badge component="span" color="gray" size="xs" ml={6}>archived</Badge>}
          <Text span size="xs" c="dimmed" ml={6}>{KIND_LABELS[c.kind]}</Text>
          <Text size="xs">{c.name}</Text>
          <Text size="xs" c="dimmed">From {locationsText(c)} · buffer {bufferText(c)} · backorders {c.allowBackorders ? 'allowed' : 'no'}</Text>
        </li>
      ))}
    </ul>
  );
}

function ChannelsTable({ channels }: { channels: Channel[] }) {
  const compact = useCompact();
  if (channels.length === 0) return <Text c="dimmed" size="sm">No sales channel yet. Create one for each web store, shop till or marketplace you sell through.</Text>;
  if (compact) return <ChannelList channels={channels} />;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm">
        <caption className="visually-hidden">Sales channels</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Channel</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Sells from</Table.Th>
            <Table.Th scope="col" ta="right">Buffer</Table.Th>
            <Table.Th scope="col">Backorders</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {channels.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/channels/${encodeURIComponent(c.code)}`} fw={600} size="sm">{c.code}</Anchor>
                {c.archived && <Badge component="span" color="gray" size="xs" ml={6}>archived</Badge>}
                <Text size="xs" c="dimmed">{c.name}</Text>
              </Table.Th>
              <Table.Td>{KIND_LABELS[c.kind]}</Table.Td>
              <Table.Td>{locationsText(c)}</Table.Td>
              <Table.Td ta="right">{bufferText(c)}</Table.Td>
              <Table.Td>{c.allowBackorders ? 'Allowed' : 'No'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Every sales channel: what it sells from, what it holds back, whether it takes backorders. */
export function ChannelsPage() {
  const [archived, setArchived] = useState(false);
  const pager = useCursorPager(String(archived));
  const query = useChannels(archived, pager.cursor);
  return (
    <>
      <PageHeader
        title="Channels"
        description="Where you sell: web stores, shop tills and marketplaces, each with its own stock."
        actions={<Button component={Link} to="/channels/new" leftSection={<IconPlus size={16} aria-hidden />}>New channel</Button>}
      />
      <Paper withBorder p="md">
        <Group mb="sm">
          <Switch label="Show archived channels" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
        </Group>
        <QueryState query={query} what="channels">
          {(page) => (
            <>
              <ChannelsTable channels={page.data} />
              {(page.nextCursor !== null || pager.page > 1) && (
                <Pager label="Channels" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
              )}
            </>
          )}
        </QueryState>
      </Paper>
    </>
  );
}
