import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { loadExchangeRates, loadReferenceDataset, type ExchangeRateLoad, type LoadedDataset, type ReferenceKind } from './loader.js';

/** The datasets shipped in data/reference/ (see its README for provenance). */
export const SHIPPED_DATASETS: ReadonlyArray<{ file: string; name: string; kind: ReferenceKind; source: string; vintage: string; licence: string }> = [
  {
    file: 'tip_tiers_1999_2015.csv',
    name: 'us-tip-tiers',
    kind: 'tip_tiers',
    source: 'US Department of State, Trafficking in Persons Report tiers (compiled)',
    vintage: '1999-2015',
    licence: 'US government publication (facts); public domain',
  },
  {
    file: 'tvpra_goods_2016.csv',
    name: 'usdol-tvpra-goods',
    kind: 'tvpra_goods',
    source: 'US Department of Labor, List of Goods Produced by Child Labor or Forced Labor',
    vintage: '2016',
    licence: 'US government work; public domain',
  },
  {
    file: 'eo13126_products_2014.csv',
    name: 'usdol-eo13126-products',
    kind: 'eo13126_goods',
    source: 'US Department of Labor, Executive Order 13126 List of Products',
    vintage: '2014',
    licence: 'US government work; public domain',
  },
];

export const ILLUSTRATIVE_RATES_FILE = 'exchange-rates-illustrative.csv';

/** Load every shipped dataset and the illustrative exchange rates from a data/reference directory. */
export async function loadShippedReferenceData(
  ds: DataSource,
  dir: string,
): Promise<{ datasets: LoadedDataset[]; rates: ExchangeRateLoad }> {
  const datasets: LoadedDataset[] = [];
  for (const d of SHIPPED_DATASETS) {
    const content = await readFile(`${dir}/${d.file}`);
    datasets.push(await loadReferenceDataset(ds, { ...d, content }));
  }
  const rates = await loadExchangeRates(ds, {
    organizationId: null,
    content: await readFile(`${dir}/${ILLUSTRATIVE_RATES_FILE}`),
    source: 'Lantern demo: illustrative rounded rates, not a data source',
    illustrative: true,
  });
  return { datasets, rates };
}
