import { expect, type Locator, type Page } from '@playwright/test';

/** The Sales section of the navigation: Orders and Pick & ship (behind the menu on a handheld). */
export async function goToSales(page: Page, name: 'Orders' | 'Pick & ship'): Promise<void> {
  const menu = page.getByRole('button', { name: 'Open navigation' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

/**
 * Picks an option of a searchable Mantine select by typing its code and taking the first match
 * with the keyboard, as a person at a till would: the list refreshes with every live event, and a
 * click can land while an option is being re-rendered.
 */
async function choose(page: Page, label: string, code: string): Promise<void> {
  const select = page.getByRole('textbox', { name: label, exact: true });
  await select.click();
  await select.fill(code);
  await expect(page.getByRole('option', { name: new RegExp(`^${code}( |$)`) })).toBeVisible();
  await select.press('ArrowDown');
  await select.press('Enter');
  await expect(select).toHaveValue(new RegExp(`^${code}( |$)`));
}

/** The orders list. */
export class SalesOrdersPage {
  constructor(private readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/sales-orders${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sales orders' })).toBeVisible();
  }

  row(number: string): Locator {
    return this.page.getByRole('table', { name: 'Sales orders, newest first' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${number}`) }) });
  }
}

/** The new-order form: channel, customer, lines by scan or by hand. */
export class NewSalesOrderForm {
  readonly form: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: 'New sales order' });
  }

  chooseChannel(code: string): Promise<void> {
    return choose(this.page, 'Channel', code);
  }

  field(label: string): Locator {
    return this.form.getByRole('textbox', { name: label, exact: true });
  }

  lineItem(n: number): Locator {
    return this.field(`Item, line ${n}`);
  }

  lineQuantity(n: number): Locator {
    return this.field(`Quantity, line ${n}`);
  }

  async addLine(n: number, sku: string, quantity: string): Promise<void> {
    await this.form.getByRole('button', { name: 'Add a line' }).click();
    await this.lineItem(n).fill(sku);
    await this.lineQuantity(n).fill(quantity);
  }

  async create(): Promise<void> {
    await this.form.getByRole('button', { name: 'Create order' }).click();
  }
}

/** One order: facts, lines, actions. */
export class SalesOrderPage {
  constructor(private readonly page: Page) {}

  async open(number: string): Promise<void> {
    await this.page.goto(`/sales-orders/${encodeURIComponent(number)}`);
    await expect(this.page.getByRole('heading', { level: 1, name: number })).toBeVisible();
  }

  fact(label: string): Locator {
    return this.page.getByRole('group', { name: label, exact: true });
  }

  line(sku: string): Locator {
    return this.page.getByRole('table', { name: 'Order lines' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${sku}`) }) });
  }

  /** An action button, then the confirmation dialog's button. */
  async act(action: string, confirm: string): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: action, exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: confirm, exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** Ships the given quantity per SKU (blank leaves a line held). */
  async ship(quantities: Record<string, string>): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: 'Ship', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Ship / });
    for (const [sku, quantity] of Object.entries(quantities)) await dialog.getByRole('textbox', { name: `Ship now of ${sku}` }).fill(quantity);
    await dialog.getByRole('button', { name: 'Ship', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** Ships a serial-tracked line by scanning each unit's serial into the dialog (a keyboard wedge ends each with Enter). */
  async shipSerials(sku: string, serials: string[]): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: 'Ship', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Ship / });
    const field = dialog.getByRole('textbox', { name: `Serial number of ${sku}` });
    for (const serial of serials) {
      await field.fill(serial);
      await field.press('Enter');
    }
    await expect(dialog.getByRole('list', { name: `Serials of ${sku} to ship` }).getByRole('listitem')).toHaveCount(new Set(serials).size);
    await dialog.getByRole('button', { name: 'Ship', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}

/** The handheld pick screen. Scanning goes through OperationPage's scan box (the same keyboard wedge). */
export class PickListPage {
  readonly progress: Locator;
  readonly next: Locator;

  constructor(private readonly page: Page) {
    this.progress = page.getByTestId('pick-progress');
    this.next = page.getByRole('region', { name: 'Next pick' });
  }

  line(bin: string, sku: string): Locator {
    return this.page.getByRole('table', { name: 'Pick lines by bin' }).getByRole('row').filter({ hasText: bin }).filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${sku}`) }) });
  }

  feedback(): Locator {
    return this.page.getByRole('main').getByRole('alert');
  }
}
