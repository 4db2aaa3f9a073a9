import { expect, type Locator, type Page } from '@playwright/test';

/** A date `days` from today (UTC), as the date fields and the API write it. */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Tracking section of the main navigation (behind the menu button on a handheld). */
export async function goToTracking(page: Page, name: 'Expiring lots' | 'Serial lookup'): Promise<void> {
  const menu = page.getByRole('button', { name: 'Open navigation' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The new-item form with its tracking choice. */
export async function createTrackedItem(page: Page, item: { sku: string; name: string; tracking: 'Lots (batches with expiry)' | 'Serial numbers (one per unit)' }): Promise<void> {
  await page.goto('/items/new');
  await page.getByRole('textbox', { name: 'SKU' }).fill(item.sku);
  await page.getByRole('textbox', { name: 'Name' }).fill(item.name);
  await page.getByRole('textbox', { name: 'Tracking' }).click();
  await page.getByRole('option', { name: item.tracking }).click();
  await page.getByRole('button', { name: 'Create item' }).click();
  await expect(page.getByRole('heading', { level: 1, name: item.sku })).toBeVisible();
}

/** The lot and serial fields a tracked item's line has in the receive, ship, transfer and adjust forms. */
export class TrackedLine {
  constructor(private readonly page: Page, private readonly sku: string) {}

  lotNumber(): Locator {
    return this.page.getByRole('textbox', { name: `Lot number of ${this.sku}` });
  }

  expiry(): Locator {
    return this.page.getByRole('textbox', { name: `Expiry date of ${this.sku}` });
  }

  /** Going out: the lot choice, "First expiring (FEFO)" unless a lot is named. */
  lotChoice(): Locator {
    return this.page.getByRole('textbox', { name: `Lot of ${this.sku}` });
  }

  serialBox(): Locator {
    return this.page.getByRole('textbox', { name: `Serial number of ${this.sku}` });
  }

  serials(): Locator {
    return this.page.getByRole('list', { name: `Serials of ${this.sku}` }).getByRole('listitem');
  }

  /** A scanner on the serial field: the code, then Enter. */
  async scanSerial(serial: string): Promise<void> {
    await this.serialBox().fill(serial);
    await this.serialBox().press('Enter');
  }
}

/** Expiry alerts: lots with stock expiring within the chosen days, or expired. */
export class ExpiringLotsPage {
  constructor(private readonly page: Page) {}

  async within(days: 7 | 30 | 90): Promise<void> {
    await this.page.getByText(`${days} days`, { exact: true }).click();
    await expect(this.page.getByRole('radio', { name: `${days} days` })).toBeChecked();
  }

  row(lot: string): Locator {
    return this.page.getByRole('table', { name: /^Lots expiring within/ }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: lot, exact: true }) });
  }

  async openLot(lot: string): Promise<void> {
    await this.row(lot).getByRole('link', { name: lot, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: `Lot ${lot}` })).toBeVisible();
  }
}

/** A lot's page: its dates, stock per location and the recall trace. */
export class LotPage {
  constructor(private readonly page: Page) {}

  fact(label: 'Item' | 'Expiry' | 'Manufactured' | 'On hand'): Locator {
    return this.page.getByRole('group', { name: label });
  }

  stockRow(location: string): Locator {
    return this.page.getByRole('table', { name: 'Lot stock per location' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: location }) });
  }

  shipped(): Locator {
    return this.page.getByRole('table', { name: 'Where the lot went' }).getByRole('row');
  }

  remaining(): Locator {
    return this.page.getByRole('list', { name: 'What remains where' });
  }
}

export class SerialLookupPage {
  constructor(private readonly page: Page) {}

  async lookUp(sku: string, serial: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Item' }).fill(sku);
    await this.page.getByRole('textbox', { name: 'Serial number' }).fill(serial);
    await this.page.getByRole('button', { name: 'Look up' }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: `${sku} · serial ${serial}` })).toBeVisible();
  }

  place(): Locator {
    return this.page.getByRole('group', { name: 'Where the unit is now' });
  }

  history(serial: string): Locator {
    return this.page.getByRole('table', { name: `Movements of serial ${serial}` }).getByRole('row');
  }
}
