import { Button, Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { post } from '../api/client';
import type { Channel } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { newIdempotencyKey } from '../lib/idempotency';
import { channelBody, ChannelForm } from './channel-form';

/** Creates a channel, then opens it to show what it may sell. */
export function NewChannelPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // One key per body: a double submit or a retry after a lost answer creates one channel, while a corrected form is a new request.
  const attempt = useRef<{ body: string; key: string } | null>(null);
  return (
    <>
      <PageHeader title="New channel" description="A web store, a shop till or a marketplace, and the stock it may sell." />
      <Paper withBorder p="md" maw={820}>
        <ChannelForm
          creating
          label="New channel"
          submitLabel="Create channel"
          extra={<Button variant="default" onClick={() => navigate('/channels')}>Cancel</Button>}
          onSubmit={async (v) => {
            const body = channelBody(v, true);
            const text = JSON.stringify(body);
            if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
            const channel = await post<Channel>('/api/v1/channels', body, attempt.current.key);
            await queryClient.invalidateQueries({ queryKey: ['channels'] });
            notifications.show({ color: 'green', message: `Channel ${channel.code} created` });
            navigate(`/channels/${encodeURIComponent(channel.code)}`);
          }}
        />
      </Paper>
    </>
  );
}
