import { ensureAdminKey } from '../access/api-key-service.js';
import { buildApp } from '../http/app.js';
import { releaseExpiredReservations } from '../operations/reservation-service.js';
import { expireSalesOrders } from '../sales/order-actions-service.js';
import { describeDatabase, openMigratedStore } from './runtime.js';

export interface ServeOptions {
  databaseUrl?: string | undefined;
  port: number;
  host: string;
  adminKey?: string | undefined;
  log: boolean;
}

const EXPIRY_SWEEP_MS = 5_000;

export async function serve(options: ServeOptions): Promise<void> {
  const store = await openMigratedStore(options.databaseUrl);
  const firstKey = await ensureAdminKey(store, options.adminKey);
  const app = await buildApp({ store, logger: options.log ? { level: process.env.LOG_LEVEL ?? 'info' } : false });
  const address = await app.listen({ port: options.port, host: options.host });
  const sweep = setInterval(() => {
    releaseExpiredReservations(store).catch((error: unknown) => app.log.error({ err: error }, 'releasing expired reservations failed'));
    // Orders whose checkout hold passed become expired and give back what they still hold.
    expireSalesOrders(store).catch((error: unknown) => app.log.error({ err: error }, 'expiring sales orders failed'));
  }, EXPIRY_SWEEP_MS);
  sweep.unref();

  const url = address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  console.log(`Stockroom is running at ${url}`);
  console.log(`  API docs:  ${url}/api/docs`);
  console.log(`  Database:  ${describeDatabase(options.databaseUrl)}`);
  if (firstKey) {
    console.log(`  Admin API key (shown once, keep it safe): ${firstKey}`);
    console.log(`  Try: curl -H "Authorization: Bearer ${firstKey}" ${url}/api/v1/items`);
  }

  const stop = async () => {
    clearInterval(sweep);
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
