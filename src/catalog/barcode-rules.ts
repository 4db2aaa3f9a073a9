export type BarcodeKind = 'gtin' | 'custom';

/**
 * GTIN-8, UPC-A (GTIN-12), EAN-13 (GTIN-13) and GTIN-14 end in a mod-10 check digit:
 * from the right, digits alternate weights 3 and 1, and the total is a multiple of ten.
 */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false;
  const digits = [...code].map(Number);
  const check = digits.pop() as number;
  const sum = digits.reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

export function gtinCheckDigit(body: string): number {
  const sum = [...body].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10;
}

/** Why a barcode is unacceptable, or null when it is fine. */
export function barcodeProblem(code: string, kind: BarcodeKind): string | null {
  if (kind === 'gtin') return isValidGtin(code) ? null : `'${code}' is not a valid GTIN (8, 12, 13 or 14 digits with a correct check digit)`;
  if (!/^[\x21-\x7e]{1,64}$/.test(code)) return 'a custom barcode is 1–64 printable characters without spaces';
  return null;
}

/** Scanners drop or keep leading zeros: a 12-digit UPC and its 13-digit EAN form are one product. */
export function normalizeBarcode(code: string, kind: BarcodeKind): string {
  return kind === 'gtin' ? code.padStart(14, '0') : code;
}
