import { expect, type Locator, type Page } from '@playwright/test';

/** Planning: low-stock alerts, suggested orders by supplier, reorder policies. */
export class PlanningPage {
  constructor(private readonly page: Page) {}

  async filterBySite(code: string): Promise<void> {
    const select = this.page.getByRole('textbox', { name: 'Site' }).first();
    await select.click();
    await select.fill(code);
    await this.page.getByRole('option', { name: new RegExp(`\\(${code}\\)$`) }).click();
    await expect(this.page).toHaveURL(new RegExp(`site=${code}`));
  }

  alert(sku: string): Locator {
    return this.page.getByRole('table', { name: 'Low-stock alerts' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${sku}`) }) });
  }

  suggestedOrder(supplier: string, site: string): Locator {
    return this.page.getByRole('region', { name: `Suggested order from ${supplier} to ${site}` });
  }

  suggestedLine(supplier: string, site: string, sku: string): Locator {
    return this.suggestedOrder(supplier, site).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${sku}`) }) });
  }

  /** Creates the draft for one suggested order and opens it from the confirmation's link. */
  async createDraftAndOpen(supplier: string, site: string): Promise<string> {
    await this.page.getByRole('button', { name: `Create a draft purchase order for ${supplier} to ${site}` }).click();
    const link = this.page.getByRole('link', { name: new RegExp(`^PO-\\d+ · ${supplier} → ${site}`) });
    await expect(link).toBeVisible();
    const number = ((await link.textContent()) ?? '').split(' ')[0] ?? '';
    await link.click();
    await expect(this.page.getByRole('heading', { level: 1, name: number })).toBeVisible();
    return number;
  }
}

/** One purchase order: its status, lines and actions. */
export class PurchaseOrderPage {
  constructor(private readonly page: Page) {}

  async open(number: string): Promise<void> {
    await this.page.goto(`/purchase-orders/${encodeURIComponent(number)}`);
    await expect(this.page.getByRole('heading', { level: 1, name: number })).toBeVisible();
  }

  status(): Locator {
    return this.page.getByRole('group', { name: 'Status' });
  }

  line(sku: string): Locator {
    return this.page.getByRole('table', { name: 'Order lines' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${sku}`) }) });
  }

  /** An action button, then the confirmation dialog's button of the same purpose. */
  async act(action: string, confirm: string, note?: string): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: action, exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    if (note) await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
    await dialog.getByRole('button', { name: confirm, exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}

/** Receive an order: the order, the bin, then scans (see OperationPage for the scanner itself). */
export class ReceiveOrderPage {
  constructor(private readonly page: Page) {}

  async chooseOrder(number: string): Promise<void> {
    const select = this.page.getByRole('textbox', { name: 'Purchase order' });
    await select.click();
    await select.fill(number);
    await this.page.getByRole('option', { name: new RegExp(`^${number} `) }).click();
  }

  line(sku: string): Locator {
    return this.page.getByRole('table', { name: 'Order lines to receive' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${sku}`) }) });
  }
}
