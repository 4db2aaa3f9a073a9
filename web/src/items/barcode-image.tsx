import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Barcode } from '../api/types';
import { symbologyFor } from '../lib/barcode-symbology';

/** A printable barcode drawn by bwip-js (loaded on first use: it is large and only item pages need it). */
export function BarcodeImage({ barcode }: { barcode: Barcode }) {
  const symbology = symbologyFor(barcode);
  const [svg, setSvg] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    import('bwip-js')
      .then(({ toSVG }) => {
        // EAN and UPC print their digits in the symbol's own layout; other codes centre the text under the bars.
        const retail = ['ean8', 'ean13', 'upca'].includes(symbology.bcid);
        const image = toSVG({
          bcid: symbology.bcid, text: symbology.text, scale: 2, height: 12, includetext: true, paddingwidth: 6, paddingheight: 2,
          ...(!retail && { textxalign: 'center' as const }),
        });
        if (!cancelled) setSvg(image);
      })
      .catch((error: unknown) => !cancelled && setFailure(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
    };
  }, [symbology.bcid, symbology.text]);

  if (failure) return <Text size="sm" c="red">Cannot draw {symbology.label} {barcode.code}: {failure}</Text>;
  if (!svg) return <Text size="sm" c="dimmed">{barcode.code}</Text>;
  return <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={`${symbology.label} barcode ${symbology.text}`} style={{ maxWidth: '100%', height: 72, background: 'white' }} />;
}
