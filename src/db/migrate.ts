import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import { ledgerMigration } from './migrations/0001-ledger.js';
import { purchasingMigration } from './migrations/0002-purchasing.js';
import { planningMigration } from './migrations/0003-planning.js';
import { eventsMigration } from './migrations/0004-events.js';
import { salesMigration } from './migrations/0005-sales.js';
import { webhooksMigration } from './migrations/0006-webhooks.js';
import { channelFeedMigration } from './migrations/0007-channel-feed.js';
import { returnsMigration } from './migrations/0008-returns.js';
import { cycleCountsMigration } from './migrations/0009-cycle-counts.js';
import { trackingMigration } from './migrations/0010-tracking.js';
import { countTrackingMigration } from './migrations/0011-count-tracking.js';
import { returnTrackingMigration } from './migrations/0012-return-tracking.js';
import type { Dialect, Store } from './store.js';

/** Forward-only migrations, listed statically so bundling and ordering never depend on the file system. */
function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-ledger': ledgerMigration(dialect),
    '0002-purchasing': purchasingMigration(),
    '0003-planning': planningMigration(),
    '0004-events': eventsMigration(),
    '0005-sales': salesMigration(),
    '0006-webhooks': webhooksMigration(),
    '0007-channel-feed': channelFeedMigration(),
    '0008-returns': returnsMigration(),
    '0009-cycle-counts': cycleCountsMigration(),
    '0010-tracking': trackingMigration(),
    '0011-count-tracking': countTrackingMigration(dialect),
    '0012-return-tracking': returnTrackingMigration(),
  };
}

export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => migrations(store.dialect) },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
