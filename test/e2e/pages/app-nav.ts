import type { Page } from '@playwright/test';

/** The main navigation; on a handheld it sits behind the menu button. */
export class AppNav {
  constructor(private readonly page: Page) {}

  async go(name: 'Dashboard' | 'Items' | 'Locations' | 'Receive' | 'Ship' | 'Transfer' | 'Adjust' | 'Planning' | 'Purchase orders' | 'Receive an order' | 'Suppliers' | 'Channels' | 'Movements' | 'Audit log' | 'Webhooks'): Promise<void> {
    const menu = this.page.getByRole('button', { name: 'Open navigation' });
    if (await menu.isVisible()) await menu.click();
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  }
}
