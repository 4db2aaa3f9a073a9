import { expect, type Page } from '@playwright/test';

export class NewItemPage {
  constructor(private readonly page: Page) {}

  async create(item: { sku: string; name: string; barcode?: string; reorderPoint?: string }): Promise<void> {
    await this.page.getByRole('link', { name: 'New item' }).click();
    await this.page.getByRole('textbox', { name: 'SKU' }).fill(item.sku);
    await this.page.getByRole('textbox', { name: 'Name' }).fill(item.name);
    if (item.reorderPoint) await this.page.getByRole('textbox', { name: 'Reorder point' }).fill(item.reorderPoint);
    if (item.barcode) await this.page.getByRole('textbox', { name: 'Barcode' }).fill(item.barcode);
    await this.page.getByRole('button', { name: 'Create item' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: item.sku })).toBeVisible();
  }
}

export class ItemPage {
  constructor(private readonly page: Page) {}

  async open(sku: string): Promise<void> {
    await this.page.goto(`/items/${encodeURIComponent(sku)}`);
    await expect(this.page.getByRole('heading', { level: 1, name: sku })).toBeVisible();
  }

  total(figure: 'on hand' | 'reserved' | 'available' | 'in transit' | 'incoming') {
    return this.page.getByRole('group', { name: `Total ${figure}` });
  }

  /** Waits until a total shows exactly this figure (not merely contains its digits). */
  async expectTotal(figure: 'on hand' | 'reserved' | 'available' | 'in transit' | 'incoming', value: string): Promise<void> {
    await expect(this.total(figure)).toHaveText(new RegExp(`^${figure}\\s*${value}\\b`, 'i'));
  }

  siteRow(site: string) {
    return this.page.getByRole('table', { name: 'Stock per site' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${site}`) }) });
  }

  stockRow(location: string) {
    return this.page.getByRole('table', { name: 'Stock per location' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${location}`) }) });
  }
}
