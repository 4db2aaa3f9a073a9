import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { CreatedWebhook } from '../api/types';

/**
 * The signing secret of a subscription just created. The server keeps no way to show it again
 * (GET never returns it), so this is the only moment a person can copy it.
 */
export function WebhookSecret({ webhook, onDone }: { webhook: CreatedWebhook; onDone: () => void }) {
  return (
    <Stack gap="sm">
      <Alert color="yellow" title="Copy the signing secret now" role="status">
        You will not see it again. Your receiver uses it to check the Webhook-Signature header of each delivery
        (HMAC-SHA256 of “timestamp.body”, see the API docs). If it is lost, create a new subscription and delete this one.
      </Alert>
      <Text size="sm">Deliveries go to <Text span fw={600} style={{ overflowWrap: 'anywhere' }}>{webhook.url}</Text>.</Text>
      <div role="group" aria-label="Signing secret">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>Signing secret</Text>
        <Code block data-testid="webhook-secret" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{webhook.secret}</Code>
      </div>
      <Group>
        <CopyButton value={webhook.secret}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'light' : 'filled'} color={copied ? 'green' : undefined} onClick={copy}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
              {copied ? 'Copied' : 'Copy secret'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>I have saved it</Button>
      </Group>
    </Stack>
  );
}
