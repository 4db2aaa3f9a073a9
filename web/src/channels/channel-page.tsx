import { Badge, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { patch, post, seg } from '../api/client';
import { useChannel } from '../api/sales-channel-queries';
import type { Channel } from '../api/types';
import { ConfirmModal, type Confirmation } from '../layout/confirm-modal';
import { PageHeader } from '../layout/page-header';
import { QueryState } from '../layout/query-state';
import { formatQuantity } from '../lib/format';
import { ChannelAvailability } from './channel-availability';
import { channelBody, ChannelForm, channelValues } from './channel-form';
import { KIND_LABELS, RULES } from './channel-labels';
import { locationsText } from './channels-page';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

function routingText(c: Channel): string {
  const rules = c.routing.rules.map((r) => RULES[r].label).join(' → ');
  return c.routing.priority.length > 0 && c.routing.rules.includes('priority') ? `${rules} (${c.routing.priority.map((p) => p.code).join(', ')})` : rules || 'none';
}

function ChannelDetails({ channel }: { channel: Channel }) {
  const queryClient = useQueryClient();
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);

  async function saved(updated: Channel, message: string) {
    queryClient.setQueryData(['channels', 'one', channel.code], updated);
    await queryClient.invalidateQueries({ queryKey: ['channels'] });
    await queryClient.invalidateQueries({ queryKey: ['stock', 'channels'] });
    notifications.show({ color: 'green', message });
  }

  const archive = () => setConfirmation(channel.archived
    ? {
      title: `Restore ${channel.code}?`, confirmLabel: 'Restore channel', message: 'The channel takes new orders again and shows in each item’s availability.',
      run: async () => saved(await post<Channel>(`/api/v1/channels/${seg(channel.id)}/restore`, {}), `${channel.code} restored`),
    }
    : {
      title: `Archive ${channel.code}?`, confirmLabel: 'Archive channel', danger: true,
      message: 'The channel takes no new orders; open orders carry on. It can be restored later.',
      run: async () => saved(await post<Channel>(`/api/v1/channels/${seg(channel.id)}/archive`, {}), `${channel.code} archived`),
    });

  return (
    <Stack gap="md">
      <PageHeader
        title={channel.code}
        description={<>{channel.name} {channel.archived && <Badge component="span" color="gray" size="sm">archived</Badge>}</>}
      />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
          <Fact label="Kind">{KIND_LABELS[channel.kind]}</Fact>
          <Fact label="Sells from">{locationsText(channel)}</Fact>
          <Fact label="Buffer">{formatQuantity(channel.buffer)}{channel.itemBuffers.length > 0 && ` · own buffer for ${channel.itemBuffers.length} item(s)`}</Fact>
          <Fact label="Backorders">{channel.allowBackorders ? 'Allowed' : 'Not allowed'}</Fact>
          <Fact label="Routing">{routingText(channel)}</Fact>
        </SimpleGrid>
      </Paper>
      <ChannelAvailability channel={channel} />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">Settings</Title>
        <ChannelForm
          key={channel.updatedAt}
          initial={channelValues(channel)}
          creating={false}
          label="Edit channel"
          submitLabel="Save changes"
          extra={
            <Button variant="subtle" color={channel.archived ? undefined : 'red'} onClick={archive}>
              {channel.archived ? 'Restore channel' : 'Archive channel'}
            </Button>
          }
          onSubmit={async (v) => saved(await patch<Channel>(`/api/v1/channels/${seg(channel.id)}`, channelBody(v, false)), `${channel.code} saved`)}
        />
      </Paper>
      <ConfirmModal confirmation={confirmation} onClose={() => setConfirmation(null)} />
    </Stack>
  );
}

/** One channel: its settings and what it may sell of each item, refreshed as stock changes. */
export function ChannelPage() {
  const { ref = '' } = useParams();
  const channel = useChannel(ref);
  return <QueryState query={channel} what={`channel ${ref}`}>{(c) => <ChannelDetails channel={c} />}</QueryState>;
}
