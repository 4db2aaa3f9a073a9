import { expect, type Locator, type Page } from '@playwright/test';

/** Sales → Returns: the list of returns. */
export class ReturnsPage {
  constructor(private readonly page: Page) {}

  async openFromNav(): Promise<void> {
    const menu = this.page.getByRole('button', { name: 'Open navigation' });
    if (await menu.isVisible()) await menu.click();
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Returns', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Returns' })).toBeVisible();
  }

  row(number: string): Locator {
    return this.page.getByRole('table', { name: 'Returns, newest first' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: number }) });
  }

  async filterByOrder(order: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Sales order' }).fill(order);
  }
}

/** New return: choose the order, then a quantity (or the serials) and a reason per shipped line; a lot-tracked line has a row per lot, named `SKU lot NUMBER`. */
export class NewReturnPage {
  constructor(private readonly page: Page) {}

  async chooseOrder(number: string): Promise<void> {
    const select = this.page.getByRole('textbox', { name: 'Sales order' });
    await select.click();
    await select.fill(number);
    await this.page.getByRole('option', { name: new RegExp(`^${number} `) }).click();
    await expect(this.page.getByRole('table', { name: `Shipped lines of ${number}` })).toBeVisible();
  }

  line(sku: string): Locator {
    return this.page.getByRole('table', { name: /^Shipped lines of/ }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${sku}`) }) });
  }

  async returnLine(sku: string, quantity: string, reason: string): Promise<void> {
    await this.page.getByRole('textbox', { name: `Quantity of ${sku} to return` }).fill(quantity);
    await this.page.getByRole('textbox', { name: `Reason for returning ${sku}` }).click();
    await this.page.getByRole('option', { name: reason, exact: true }).click();
  }

  /** Picks serials of a serial-tracked line among those that may come back. */
  async returnSerials(sku: string, serials: string[], reason: string): Promise<void> {
    const select = this.page.getByRole('textbox', { name: `Serials of ${sku} to return` });
    for (const serial of serials) {
      await select.click();
      await this.page.getByRole('option', { name: serial, exact: true }).click();
    }
    await this.page.keyboard.press('Escape');
    await this.page.getByRole('textbox', { name: `Reason for returning ${sku}` }).click();
    await this.page.getByRole('option', { name: reason, exact: true }).click();
  }

  /** Authorises, confirms, and waits for the new return's page; its RMA number. */
  async authorise(): Promise<string> {
    await this.page.getByRole('button', { name: 'Authorise return', exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Authorise return', exact: true }).click();
    const heading = this.page.getByRole('heading', { level: 1, name: /^RMA-\d{6}$/ });
    await expect(heading).toBeVisible();
    return (await heading.textContent()) ?? '';
  }
}

/** One return: status, lines, receipt into QC by scanning, and restock or scrap per line. */
export class ReturnPage {
  readonly scanBox: Locator;

  constructor(private readonly page: Page) {
    this.scanBox = page.getByRole('textbox', { name: 'Scan or type a barcode or SKU' });
  }

  async open(number: string): Promise<void> {
    await this.page.goto(`/returns/${encodeURIComponent(number)}`);
    await expect(this.page.getByRole('heading', { level: 1, name: number })).toBeVisible();
  }

  status(): Locator {
    return this.page.getByRole('group', { name: 'Status' });
  }

  line(sku: string): Locator {
    return this.page.getByRole('table', { name: 'Return lines' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${sku}`) }) });
  }

  history(): Locator {
    return this.page.getByRole('table', { name: 'Return history, oldest first' });
  }

  async chooseQc(code: string): Promise<void> {
    const select = this.page.getByRole('textbox', { name: 'Quality-control location' });
    await select.click();
    await select.fill(code);
    await this.page.getByRole('option', { name: new RegExp(`${code}$`) }).click();
  }

  /** A keyboard-wedge scanner: the whole code within milliseconds, then Enter. */
  async scan(code: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      await this.scanBox.focus();
      await this.page.keyboard.type(code, { delay: 2 });
      await this.page.keyboard.press('Enter');
    }
  }

  async receive(): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: 'Receive', exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Receive', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens a line's restock-or-scrap dialog; a line of a lot-tracked item is named `SKU lot NUMBER`. */
  async openDisposal(sku: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Restock or scrap ${sku}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Restock or scrap ${sku}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Which lot of a scanned item came, when the return holds several lots of it. */
  async chooseLot(sku: string, lot: string): Promise<void> {
    await this.page.getByRole('textbox', { name: `Lot of ${sku} received` }).click();
    await this.page.getByRole('option', { name: new RegExp(`^lot ${lot}\\b`) }).click();
  }

  /** Serials scanned into a serial-tracked line of the receipt, one after another. */
  async scanSerials(sku: string, serials: string[]): Promise<void> {
    const input = this.page.getByRole('textbox', { name: `Serial number of ${sku}` });
    for (const serial of serials) {
      await input.fill(serial);
      await input.press('Enter');
    }
  }

  /**
   * Restocks into a bin or scraps, with a reason, and confirms in the same dialog. A quantity for
   * most lines; for a serial line the serials that go (the others are unticked).
   */
  async dispose(sku: string, action: 'Restock' | 'Scrap', what: string | string[], reason: string, bin?: string): Promise<void> {
    const dialog = await this.openDisposal(sku);
    await dialog.getByRole('radiogroup', { name: 'What happens to the units' }).getByText(action, { exact: true }).click();
    if (typeof what === 'string') await dialog.getByRole('textbox', { name: 'Quantity' }).fill(what);
    else {
      for (const box of await dialog.getByRole('group', { name: 'Serials' }).getByRole('checkbox').all()) {
        await box.setChecked(what.includes((await box.getAttribute('value')) ?? ''));
      }
    }
    const select = dialog.getByRole('textbox', { name: 'Restock into' });
    // The bin is remembered from the last restock; choosing it again would clear it.
    if (bin && !(await select.inputValue()).endsWith(bin)) {
      await select.click();
      await select.fill(bin);
      await this.page.getByRole('option', { name: new RegExp(`${bin}$`) }).click();
    }
    await dialog.getByRole('textbox', { name: 'Reason' }).click();
    await this.page.getByRole('option', { name: reason, exact: true }).click();
    await dialog.getByRole('button', { name: action, exact: true }).click();
    await dialog.getByRole('button', { name: `Confirm ${action.toLowerCase()}`, exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
