import pg from 'pg';

export interface NotificationHandlers {
  onNotify(payload: string): void;
  /** The connection was lost and is back: notifications sent meanwhile were missed. */
  onReconnect(): void;
  onError(error: Error): void;
}

export interface Listening {
  stop(): Promise<void>;
}

const RECONNECT_MS = 1_000;

/**
 * LISTENs on `channel` over a dedicated connection: a pooled one would be handed to other queries
 * and stop hearing. A lost connection (server restart, failover) is made again every second until
 * it works; the caller is told, because whatever was notified in between is gone.
 */
export async function listenForNotifications(url: string, channel: string, handlers: NotificationHandlers): Promise<Listening> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`'${channel}' is not a plain channel name`);
  let stopped = false;
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (message) => {
      if (message.channel === channel) handlers.onNotify(message.payload ?? '');
    });
    client.on('error', (error) => lost(client, error));
    client.on('end', () => lost(client));
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    current = client;
  };

  const lost = (client: pg.Client, error?: Error) => {
    if (stopped || current !== client) return;
    current = undefined;
    if (error) handlers.onError(error);
    client.end().catch(() => undefined);
    reconnectLater();
  };

  const reconnectLater = () => {
    retry = setTimeout(() => {
      connect().then(
        () => (stopped ? current?.end().catch(() => undefined) : handlers.onReconnect()),
        (error: unknown) => {
          handlers.onError(error instanceof Error ? error : new Error(String(error)));
          if (!stopped) reconnectLater();
        },
      );
    }, RECONNECT_MS);
    retry.unref();
  };

  await connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await current?.end().catch(() => undefined);
      current = undefined;
    },
  };
}
