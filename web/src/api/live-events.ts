import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { takeEvents } from '../lib/sse-parser';
import { apiKey } from './session';

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 15_000;
/** Events that arrive together (a batch, a busy till) cause one refresh, not one each. */
const REFRESH_DELAY_MS = 150;

/**
 * Follows the server's event stream (GET /api/v1/events/stream) while signed in, and refreshes
 * the data on screen as soon as stock changes anywhere. EventSource cannot send the API key, so
 * the stream is read with fetch; after a break it reconnects with Last-Event-ID and backs off.
 * Screens still poll slowly (LIVE_MS) in case the stream cannot be reached at all.
 */
export function useLiveEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const stop = new AbortController();
    let timer: number | undefined;
    const refresh = () => {
      timer ??= window.setTimeout(() => {
        timer = undefined;
        void queryClient.invalidateQueries();
      }, REFRESH_DELAY_MS);
    };
    void follow(stop.signal, refresh);
    return () => {
      stop.abort();
      window.clearTimeout(timer);
    };
  }, [queryClient]);
}

async function follow(signal: AbortSignal, onEvent: () => void): Promise<void> {
  let lastId: string | null = null;
  let retryMs = FIRST_RETRY_MS;
  while (!signal.aborted) {
    try {
      const key = apiKey();
      if (!key) return;
      const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept: 'text/event-stream' };
      if (lastId !== null) headers['last-event-id'] = lastId;
      const response = await fetch('/api/v1/events/stream', { headers, signal });
      if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
      retryMs = FIRST_RETRY_MS;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const { events, rest } = takeEvents(buffer + value);
        buffer = rest;
        for (const event of events) {
          if (event.id !== null) lastId = event.id;
          onEvent();
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    await new Promise((resolve) => window.setTimeout(resolve, retryMs));
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }
}
