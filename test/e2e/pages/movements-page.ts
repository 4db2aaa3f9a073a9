import { expect, type Page } from '@playwright/test';

export class MovementsPage {
  constructor(private readonly page: Page) {}

  async filterByItem(sku: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Item (SKU)' }).fill(sku);
    await this.page.getByRole('button', { name: 'Apply filters' }).click();
    // The list keeps showing the previous page until the filtered one arrives: wait until only the header row lacks the SKU.
    await expect(this.rows().filter({ hasNotText: sku })).toHaveCount(1);
  }

  rows() {
    return this.page.getByRole('table', { name: 'Movements, newest first' }).getByRole('row');
  }
}
