import { expect, type Locator, type Page } from '@playwright/test';

/** The subscriptions list and the new-subscription dialog with its one-time secret. */
export class WebhooksPage {
  constructor(private readonly page: Page) {}

  row(url: string): Locator {
    return this.page.getByRole('table', { name: 'Webhook subscriptions' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: url }) });
  }

  /** Fills and sends the form; returns the dialog, which then shows the secret. */
  async create(s: { url: string; types?: string[]; description?: string }): Promise<Locator> {
    await this.page.getByRole('button', { name: 'New subscription' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New webhook subscription' });
    await dialog.getByRole('textbox', { name: 'URL' }).fill(s.url);
    if (s.types) {
      await dialog.getByRole('radio', { name: 'Only these types' }).check();
      const types = dialog.getByRole('textbox', { name: 'Event types' });
      for (const type of s.types) {
        await types.fill(type);
        await types.press('Enter');
      }
      // The suggestions stay open after each type; close them so they cover nothing below.
      await types.press('Escape');
    }
    if (s.description) await dialog.getByRole('textbox', { name: 'Description' }).fill(s.description);
    await dialog.getByRole('button', { name: 'Create subscription' }).click();
    const created = this.page.getByRole('dialog', { name: 'Subscription created' });
    await expect(created).toBeVisible();
    return created;
  }
}

/** One subscription: its facts, actions and delivery log. */
export class WebhookPage {
  constructor(private readonly page: Page) {}

  fact(label: 'Status' | 'Events' | 'Pending' | 'Failed'): Locator {
    return this.page.getByRole('group', { name: label, exact: true });
  }

  deliveries(): Locator {
    return this.page.getByRole('table', { name: 'Deliveries, newest first' }).getByRole('row');
  }

  delivery(seq: number): Locator {
    return this.deliveries().filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^#${seq} `) }) });
  }

  /** A button of the page, then (when asked) the confirmation dialog's button. */
  async act(action: string, confirm?: string): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: action, exact: true }).click();
    if (!confirm) return;
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: confirm, exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
