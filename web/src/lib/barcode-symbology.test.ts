import { describe, expect, it } from 'vitest';
import { symbologyFor } from './barcode-symbology';

describe('barcode symbology', () => {
  it('prints a padded GTIN as the symbol the product carries', () => {
    expect(symbologyFor({ code: '04006381333931', kind: 'gtin' })).toMatchObject({ bcid: 'ean13', text: '4006381333931' });
    expect(symbologyFor({ code: '00012345678905', kind: 'gtin' })).toMatchObject({ bcid: 'upca', text: '012345678905' });
    expect(symbologyFor({ code: '00000096385074', kind: 'gtin' })).toMatchObject({ bcid: 'ean8', text: '96385074' });
    expect(symbologyFor({ code: '10012345678902', kind: 'gtin' })).toMatchObject({ bcid: 'itf14', text: '10012345678902' });
  });

  it('prints custom codes as Code 128', () => {
    expect(symbologyFor({ code: 'BIN-A-01', kind: 'custom' })).toEqual({ bcid: 'code128', text: 'BIN-A-01', label: 'Code 128' });
  });
});
