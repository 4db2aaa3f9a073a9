import { expect, type Locator, type Page } from '@playwright/test';

/** Receive, ship, transfer and adjust share one scan-first form. */
export class OperationPage {
  readonly scanBox: Locator;
  readonly scanCount: Locator;

  constructor(private readonly page: Page) {
    this.scanBox = page.getByRole('textbox', { name: 'Scan or type a barcode or SKU' });
    this.scanCount = page.getByRole('status').filter({ hasText: 'scanned' });
  }

  async chooseLocation(label: string, code: string): Promise<void> {
    const select = this.page.getByRole('textbox', { name: label });
    await select.click();
    await select.fill(code);
    await this.page.getByRole('option', { name: new RegExp(`${code}$`) }).click();
    await this.scanBox.focus();
  }

  /** A keyboard-wedge scanner: the whole code within milliseconds, then Enter. */
  async scan(code: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      await this.scanBox.focus();
      await this.page.keyboard.type(code, { delay: 2 });
      await this.page.keyboard.press('Enter');
    }
  }

  /** A person typing a SKU at human speed. */
  async typeCode(code: string): Promise<void> {
    await this.scanBox.pressSequentially(code, { delay: 90 });
    await this.scanBox.press('Enter');
  }

  quantity(sku: string): Locator {
    return this.page.getByRole('textbox', { name: new RegExp(`^(Quantity|Counted|Change) of ${sku}$`) });
  }

  async post(label: string): Promise<void> {
    await this.page.getByRole('button', { name: label, exact: true }).click();
  }

  async expectPosted(text: string | RegExp): Promise<void> {
    await expect(this.page.getByText(text).first()).toBeVisible();
    await expect(this.scanCount).toHaveText('0 scanned');
  }
}
