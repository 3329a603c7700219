import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@lantern/database';
import { loadExchangeRates, loadReferenceDataset, loadShippedReferenceData } from '@lantern/reference';

const DATA_DIR = new URL('../../data/reference', import.meta.url).pathname;

describe('reference data loader (real PostgreSQL)', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await new DataSource(dataSourceOptions({ url: process.env.DATABASE_URL!, poolSize: 2 })).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
  });

  it('loads the shipped datasets with provenance and recognises an unchanged reload', async () => {
    const first = await loadShippedReferenceData(ds, DATA_DIR);
    expect(first.datasets.map((d) => d.name)).toEqual(['us-tip-tiers', 'usdol-tvpra-goods', 'usdol-eo13126-products']);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM reference_goods g JOIN reference_datasets d ON d.id = g.dataset_id WHERE d.name = 'usdol-tvpra-goods'`);
    expect(n).toBe(first.datasets[1].rowCount);
    const [tip] = await ds.query(`SELECT tier FROM reference_tip_tiers t JOIN reference_datasets d ON d.id = t.dataset_id WHERE d.name = 'us-tip-tiers' AND country = 'MY' AND year = 2014`);
    expect(tip.tier).toBe('3');
    const [meta] = await ds.query(`SELECT vintage, licence, content_sha256 FROM reference_datasets WHERE name = 'usdol-tvpra-goods'`);
    expect(meta.vintage).toBe('2016');
    expect(meta.content_sha256).toMatch(/^[0-9a-f]{64}$/);

    const second = await loadShippedReferenceData(ds, DATA_DIR);
    expect(second.datasets.every((d) => d.unchanged)).toBe(true);
    // Other suites may have loaded the shipped rates into this database already: a reload
    // inserts nothing and updates every shipped row in place.
    expect(second.rates.inserted).toBe(0);
    expect(second.rates.updated).toBe(first.rates.inserted + first.rates.updated);
    expect(second.rates.unresolved).toEqual([]);
  });

  it('replaces a snapshot of the same name atomically', async () => {
    const v1 = await loadReferenceDataset(ds, {
      name: 'custom-goods',
      kind: 'tvpra_goods',
      source: 'test',
      vintage: 'v1',
      licence: 'test',
      content: Buffer.from('Country,Good,Child Labor,Forced Labor\nMalaysia,Palm oil,,X\nThailand,Shrimp,X,X\n'),
    });
    expect(v1.rowCount).toBe(2);
    const v2 = await loadReferenceDataset(ds, {
      name: 'custom-goods',
      kind: 'tvpra_goods',
      source: 'test',
      vintage: 'v2',
      licence: 'test',
      content: Buffer.from('Country,Good,Child Labor,Forced Labor\nMalaysia,Electronics,,X\n'),
    });
    expect(v2.id).not.toBe(v1.id);
    const rows = await ds.query(`SELECT d.vintage, g.good FROM reference_goods g JOIN reference_datasets d ON d.id = g.dataset_id WHERE d.name = 'custom-goods'`);
    expect(rows).toEqual([{ vintage: 'v2', good: 'Electronics' }]);
  });

  it('rejects bad exchange-rate rows with their line and keeps the good ones', async () => {
    const out = await loadExchangeRates(ds, {
      organizationId: null,
      content: Buffer.from('base,quote,rate,valid_from\nQAR,USD,0.2747,2030-01-01\nQAR,ZZZ,1,2030-01-01\n'),
      source: 'test',
      illustrative: false,
    });
    expect(out.inserted).toBe(1);
    expect(out.unresolved).toEqual([{ line: 3, field: 'quote', value: 'ZZZ', reason: 'unknown currency' }]);
  });
});
