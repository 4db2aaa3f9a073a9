import { expect, type Locator, type Page } from '@playwright/test';

/** The Counting section of the main navigation (behind the menu button on a handheld). */
export async function goToCounting(page: Page, name: 'Counts' | 'Shrinkage'): Promise<void> {
  const menu = page.getByRole('button', { name: 'Open navigation' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

/** The counts list and the new-count form. */
export class NewCountPage {
  constructor(private readonly page: Page) {}

  async create(count: { site: string; bin: string; unitsThreshold?: string }): Promise<string> {
    await this.page.getByRole('main').getByRole('link', { name: 'New count' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'New count' })).toBeVisible();
    await this.pick('Site', new RegExp(`\\(${count.site}\\)$`), count.site);
    await this.page.getByRole('radio', { name: 'Chosen bins or items' }).check();
    await this.pick('Bins', new RegExp(`› ${count.bin}$`), count.bin);
    await expect(this.page.getByRole('checkbox', { name: /^Blind count/ })).toBeChecked();
    if (count.unitsThreshold) await this.page.getByRole('textbox', { name: 'Manager approval above (units)' }).fill(count.unitsThreshold);
    await this.page.getByRole('button', { name: 'Create count' }).click();
    const heading = this.page.getByRole('heading', { level: 1, name: /^Count CC-\d{6}$/ });
    await expect(heading).toBeVisible();
    return (await heading.textContent())?.replace('Count ', '') ?? '';
  }

  private async pick(label: string, option: RegExp, search?: string): Promise<void> {
    const box = this.page.getByRole('textbox', { name: label });
    await box.click();
    if (search) await box.fill(search);
    await this.page.getByRole('option', { name: option }).click();
    await this.page.keyboard.press('Escape');
  }
}

/** One count: its state, its lines and the actions of each state. */
export class CountPage {
  constructor(private readonly page: Page) {}

  async open(number: string): Promise<void> {
    await this.page.goto(`/counts/${encodeURIComponent(number)}`);
    await expect(this.page.getByRole('heading', { level: 1, name: `Count ${number}` })).toBeVisible();
  }

  status(): Locator {
    return this.page.getByRole('group', { name: 'Status' });
  }

  line(sku: string): Locator {
    return this.page.getByRole('table', { name: 'Count lines per item and bin' }).getByRole('row').filter({ hasText: sku });
  }

  async press(name: string): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name, exact: true }).click();
  }

  async countByScanning(): Promise<void> {
    await this.page.getByRole('main').getByRole('link', { name: 'Count by scanning' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Count by scanning' })).toBeVisible();
  }

  async selectForRecount(sku: string, bin: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `Recount ${sku} at ${bin}` }).check();
  }

  async approve(note: string): Promise<void> {
    await this.press('Approve');
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
    await dialog.getByRole('button', { name: 'Approve and post', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}

/** The shrinkage report. */
export class ShrinkagePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/reports/shrinkage');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Shrinkage' })).toBeVisible();
  }

  row(label: string): Locator {
    return this.page.getByRole('table', { name: 'Shrinkage by reason' }).getByRole('row').filter({ hasText: label });
  }

  chart(): Locator {
    return this.page.getByRole('img', { name: /^Shrinkage by reason/ });
  }
}

/** Reason codes settings: add, rename, archive and restore. */
export class ReasonCodesPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/reason-codes');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Reason codes' })).toBeVisible();
  }

  async add(code: string, name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Code' }).fill(code);
    await this.page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
  }

  name(code: string): Locator {
    return this.page.getByRole('textbox', { name: `Name of ${code}` });
  }

  async rename(code: string, name: string): Promise<void> {
    await this.name(code).fill(name);
    await this.page.getByRole('button', { name: `Rename ${code}` }).click();
  }

  button(action: 'Archive' | 'Restore', code: string): Locator {
    return this.page.getByRole('button', { name: `${action} ${code}` });
  }

  async showArchived(): Promise<void> {
    await this.page.getByRole('checkbox', { name: 'Show archived codes' }).check();
  }
}
