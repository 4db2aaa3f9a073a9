import type { ApiClient } from './api-client.js';

/**
 * A site of its own for a returns test: a sellable shelf `<site>-B1`, and a quality-control bench
 * `<site>-QC1` in a zone that is not sellable (returned goods wait there, never available).
 */
export async function makeReturnsSite(api: ApiClient, site: string, name: string): Promise<{ bin: string; qc: string }> {
  const bin = `${site}-B1`;
  const qc = `${site}-QC1`;
  await api.post('/api/v1/locations', { code: site, name, kind: 'site' });
  await api.post('/api/v1/locations', { code: bin, name: 'Shelf', kind: 'bin', parent: site });
  await api.post('/api/v1/locations', { code: `${site}-QC`, name: 'Quality control', kind: 'zone', parent: site, sellable: false });
  await api.post('/api/v1/locations', { code: qc, name: 'QC bench', kind: 'bin', parent: `${site}-QC` });
  return { bin, qc };
}
