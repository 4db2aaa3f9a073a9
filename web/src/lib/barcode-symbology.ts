import type { Barcode } from '../api/types';

/**
 * Which symbol to print for a stored barcode. GTINs are stored as GTIN-14 (zero-padded), but a
 * label should carry the symbol the product had: EAN-8, UPC-A or EAN-13 when the padding says so,
 * ITF-14 for a true 14-digit case code. Anything else is printed as Code 128.
 */
export interface Symbology {
  bcid: 'ean8' | 'upca' | 'ean13' | 'itf14' | 'code128';
  text: string;
  label: string;
}

export function symbologyFor(barcode: Barcode): Symbology {
  const code = barcode.code;
  if (barcode.kind === 'gtin' && /^\d{14}$/.test(code)) {
    if (code.startsWith('000000')) return { bcid: 'ean8', text: code.slice(6), label: 'EAN-8' };
    if (code.startsWith('00')) return { bcid: 'upca', text: code.slice(2), label: 'UPC-A' };
    if (code.startsWith('0')) return { bcid: 'ean13', text: code.slice(1), label: 'EAN-13' };
    return { bcid: 'itf14', text: code, label: 'ITF-14' };
  }
  return { bcid: 'code128', text: code, label: 'Code 128' };
}
