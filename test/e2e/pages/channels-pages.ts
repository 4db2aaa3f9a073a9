import { expect, type Locator, type Page } from '@playwright/test';

export interface ChannelInput {
  code: string;
  name: string;
  kind: 'Web store' | 'Store (POS)' | 'Marketplace';
  sellsFrom: string[];
  buffer: string;
  backorders?: boolean;
  prioritySites?: string[];
}

/** The channel form (new and edit): fields by their labels, locations and sites picked by code. */
export class ChannelForm {
  constructor(private readonly page: Page, private readonly form: Locator) {}

  static of(page: Page, name: 'New channel' | 'Edit channel'): ChannelForm {
    return new ChannelForm(page, page.getByRole('form', { name }));
  }

  async pick(field: string, code: string): Promise<void> {
    const input = this.form.getByRole('textbox', { name: field });
    await input.click();
    await input.fill(code);
    // Options read "WH1 › WH1-A › WH1-A-01" (locations) or "Central Warehouse (WH1)" (sites).
    await this.page.getByRole('option', { name: new RegExp(`(^|› )${code}$|\\(${code}\\)$`) }).click();
    // A multi-select stays open for more choices; close it so it covers nothing below.
    await input.press('Escape');
  }

  async fill(c: ChannelInput): Promise<void> {
    await this.form.getByRole('textbox', { name: 'Code' }).fill(c.code);
    await this.form.getByRole('textbox', { name: 'Name' }).fill(c.name);
    await this.form.getByRole('textbox', { name: 'Kind' }).click();
    await this.page.getByRole('option', { name: c.kind, exact: true }).click();
    await this.form.getByRole('textbox', { name: 'Buffer', exact: true }).fill(c.buffer);
    for (const code of c.sellsFrom) await this.pick('Sells from', code);
    if (c.backorders) await this.form.getByRole('switch', { name: 'Allow backorders' }).check();
    if (c.prioritySites?.length) {
      await this.form.getByRole('checkbox', { name: /Priority sites first/ }).check();
      for (const code of c.prioritySites) await this.pick('Add a priority site', code);
    }
  }

  async setItemBuffer(row: number, sku: string, buffer: string): Promise<void> {
    if ((await this.form.getByRole('textbox', { name: `Item buffer ${row}: item` }).count()) === 0) await this.form.getByRole('button', { name: 'Add an item buffer' }).click();
    await this.form.getByRole('textbox', { name: `Item buffer ${row}: item` }).fill(sku);
    await this.form.getByRole('textbox', { name: `Item buffer ${row}: buffer` }).fill(buffer);
  }

  async submit(label: string): Promise<void> {
    await this.form.getByRole('button', { name: label }).click();
  }
}

/** One channel: its facts, availability and settings. */
export class ChannelPage {
  constructor(private readonly page: Page) {}

  async open(code: string): Promise<void> {
    await this.page.goto(`/channels/${encodeURIComponent(code)}`);
    await expect(this.page.getByRole('heading', { level: 1, name: code })).toBeVisible();
  }

  fact(label: 'Kind' | 'Sells from' | 'Buffer' | 'Backorders' | 'Routing'): Locator {
    return this.page.getByRole('group', { name: label, exact: true });
  }

  async findItem(sku: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Find an item' }).fill(sku);
  }

  /** A row of the availability table: item, in stock, buffer, may sell. */
  availability(channel: string, sku: string): Locator {
    return this.page.getByRole('table', { name: `Availability in ${channel}` }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: sku, exact: true }) });
  }

  async archive(): Promise<void> {
    await this.page.getByRole('button', { name: 'Archive channel', exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Archive channel', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}

/** The item page's "Sales channels" panel. */
export function itemChannelRow(page: Page, sku: string, channel: string): Locator {
  return page.getByRole('table', { name: `Availability of ${sku} per channel` }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: channel, exact: true }) });
}
