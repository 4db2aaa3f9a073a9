import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import { setApiKey } from '../api/session';

/** Signs in with an API key: the key is checked against the API before it is remembered. */
export function SignInPage() {
  const queryClient = useQueryClient();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) return setError('Enter your API key');
    setChecking(true);
    setError(null);
    try {
      await request('/api/v1/items?limit=1', { key: trimmed });
      queryClient.clear();
      setApiKey(trimmed);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? 'That API key is not valid or was revoked.' : e instanceof Error ? e.message : String(e));
    } finally {
      setChecking(false);
    }
  }

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">Stockroom</Title>
            <Text c="dimmed" size="sm">
              Sign in with an API key. The server prints the first admin key when it starts; more can be made with{' '}
              <code>stockroom key create</code>.
            </Text>
            <PasswordInput label="API key" value={key} onChange={(e) => setKey(e.currentTarget.value)} autoComplete="current-password" autoFocus data-autofocus error={error ? ' ' : undefined} />
            {error && <Alert color="red" role="alert" title="Could not sign in">{error}</Alert>}
            <Button type="submit" loading={checking}>Sign in</Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
