import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { entryInForce, parseList, parseListDate, parseNameCell, type ParsedListEntry } from './index.js';

const fixture = (name: string): Buffer => readFileSync(resolve('test/fixtures/screening/lists', name));
const byName = (entries: ParsedListEntry[], name: string): ParsedListEntry => {
  const e = entries.find((x) => x.names.some((n) => n.name.toLowerCase() === name.toLowerCase()));
  if (e === undefined) throw new Error(`no entry named ${name}: ${entries.map((x) => x.names[0]?.name).join(' | ')}`);
  return e;
};

describe('UFLPA name grammar', () => {
  it.each([
    ['Xinhuaqiao Polymer Technology Co., Ltd. (and one alias: Xinhuaqiao Plastics Co., Ltd.)', ['primary:Xinhuaqiao Polymer Technology Co., Ltd.', 'alias:Xinhuaqiao Plastics Co., Ltd.']],
    [
      'Qinvoltai Textile Co., Ltd. (including two aliases: Qinvoltai Cotton Spinning Co., Ltd.; and Qinvoltai Yarn Co., Ltd.)',
      ['primary:Qinvoltai Textile Co., Ltd.', 'alias:Qinvoltai Cotton Spinning Co., Ltd.', 'alias:Qinvoltai Yarn Co., Ltd.'],
    ],
    [
      'Fendralux Polysilicon Co., Ltd. and its three Xinjiang-based subsidiaries, which include Fendralux Silicon Materials Co., Ltd., Fendralux New Energy Co., Ltd., and Fendralux Quartz Co., Ltd.',
      [
        'primary:Fendralux Polysilicon Co., Ltd.',
        'subsidiary:Fendralux Silicon Materials Co., Ltd.',
        'subsidiary:Fendralux New Energy Co., Ltd.',
        'subsidiary:Fendralux Quartz Co., Ltd.',
      ],
    ],
    ['Tarkolin Agri Holding Co., Ltd. and its subsidiary Tarkolin Seed Co., Ltd.', ['primary:Tarkolin Agri Holding Co., Ltd.', 'subsidiary:Tarkolin Seed Co., Ltd.']],
    ['Yerevik Paxta Group (formerly known as Yerevik Cotton Holding)', ['primary:Yerevik Paxta Group', 'former:Yerevik Cotton Holding']],
    ['Ceravolt Solar Components Co., Ltd. and its subordinate and affiliated entities', ['primary:Ceravolt Solar Components Co., Ltd.']],
    ['Bayan Cotton Group, and Subsidiaries', ['primary:Bayan Cotton Group']],
    ['Xinjiang Production and Construction Corps (XPCC)', ['primary:Xinjiang Production and Construction Corps', 'alias:XPCC']],
    ['M/S Korvelin (Pvt) Ltd', ['primary:M/S Korvelin (Pvt) Ltd']],
    ['TESHAVAR KNITWEAR (PVT) LTD a.k.a. TESHAVAR KNIT INDUSTRIES', ['primary:TESHAVAR KNITWEAR (PVT) LTD', 'alias:TESHAVAR KNIT INDUSTRIES']],
    ['Ambrovane Cocoa f/k/a Cooperative Agricole Ambrovane', ['primary:Ambrovane Cocoa', 'alias:Cooperative Agricole Ambrovane']],
  ])('%s', (cell, expected) => {
    expect(parseNameCell(cell).names.map((n) => `${n.kind}:${n.name}`)).toEqual(expected);
  });

  it('flags entries that cover unnamed affiliates', () => {
    expect(parseNameCell('Ceravolt Solar Components Co., Ltd. and its subordinate and affiliated entities').coversAffiliates).toBe(true);
  });
});

describe('parseListDate', () => {
  it('reads the formats lists use; Indefinite and Ongoing mean no end', () => {
    expect(parseListDate('03/14/2024')).toEqual({ ok: true, date: '2024-03-14' });
    expect(parseListDate('2024-02-12T00:00:00')).toEqual({ ok: true, date: '2024-02-12' });
    expect(parseListDate('June 21, 2022')).toEqual({ ok: true, date: '2022-06-21' });
    expect(parseListDate('15-JAN-2025')).toEqual({ ok: true, date: '2025-01-15' });
    expect(parseListDate('Indefinite')).toEqual({ ok: true, date: null });
    expect(parseListDate('Ongoing')).toEqual({ ok: true, date: null });
    expect(parseListDate('02/30/2024')).toEqual({ ok: false });
  });
});

describe('list parsers', () => {
  it('SAM.gov exclusions: firms, individuals, Indefinite, cross-reference aliases, rows without a UEI', () => {
    const { entries, issues } = parseList('sam_exclusions', fixture('sam-exclusions.csv'));
    expect(issues).toEqual([]);
    expect(entries).toHaveLength(8);
    const korvelin = byName(entries, 'KORVELIN TEXTILES CO. LTD.');
    expect(korvelin).toMatchObject({ schema: 'Company', countries: ['CN'], startsOn: '2024-03-14', endsOn: null, sourceId: 'KV7LMQ2XH9N3', authority: 'DOD' });
    expect(korvelin.identifiers).toEqual([{ scheme: 'uei', value: 'KV7LMQ2XH9N3' }, { scheme: 'cage', value: '8F3K2' }]);
    expect(korvelin.names.map((n) => n.name)).toEqual(['KORVELIN TEXTILES CO. LTD.', 'KORVELIN TEXTILE GROUP', 'ZHEJIANG KORVELIN FABRICS CO LTD']);
    expect(byName(entries, 'Mr. Pyotr Sergeyevich Vorontelkin')).toMatchObject({ schema: 'Person', countries: ['RU'] });
    expect(byName(entries, 'Tessavine Labour Hire').sourceId).toMatch(/^sam-[0-9a-f]{16}$/);
    expect(byName(entries, 'Quillondar Seafood Processing Co. Ltd.').inactive).toBe(true);
  });

  it('in force is computed from the dates and the status at query time', () => {
    const { entries } = parseList('sam_exclusions', fixture('sam-exclusions.csv'));
    const today = '2026-01-01';
    expect(entryInForce(byName(entries, 'KORVELIN TEXTILES CO. LTD.'), today)).toBe(true); // Indefinite
    expect(entryInForce(byName(entries, 'OSTRAVEL FISHING COMPANY SDN BHD'), today)).toBe(false); // ended 2022
    expect(entryInForce(byName(entries, 'Baltrovic Metal Works d.o.o.'), today)).toBe(false); // starts 2099
    expect(entryInForce(byName(entries, 'Quillondar Seafood Processing Co. Ltd.'), today)).toBe(false); // record inactive
    expect(entryInForce(byName(entries, 'Dravemont Apparel Limited'), '2026-08-31')).toBe(true);
    expect(entryInForce(byName(entries, 'Dravemont Apparel Limited'), '2026-09-01')).toBe(false);
  });

  it('World Bank: aliases in the name, cross-debarment star, Ongoing, country names', () => {
    const { entries, issues } = parseList('worldbank_debarred', fixture('worldbank-debarred.json'));
    expect(issues).toEqual([]);
    const teshavar = byName(entries, 'TESHAVAR KNITWEAR (PVT) LTD');
    expect(teshavar.names.map((n) => `${n.kind}:${n.name}`)).toEqual(['primary:TESHAVAR KNITWEAR (PVT) LTD', 'alias:TESHAVAR KNIT INDUSTRIES']);
    expect(teshavar).toMatchObject({ countries: ['PK'], startsOn: '2024-02-12', endsOn: '2027-02-11', identifiers: [{ scheme: 'wb_supplier', value: '1174021' }] });
    const pelmorath = byName(entries, 'M/S PELMORATH RECRUITMENT AGENCY PVT LTD');
    expect(pelmorath).toMatchObject({ endsOn: null, countries: ['NP'], program: 'World Bank cross-debarment' });
    expect(byName(entries, 'Marvosk Garment Factory LLC').names[1]).toEqual({ name: 'Marvosk Tekstil LLC', kind: 'former' });
    expect(byName(entries, 'Ambrovane Cocoa Cooperative').countries).toEqual(['CI']);
  });

  it('CBP WRO: Latin-1, statuses, orders without an entity reported', () => {
    const { entries, issues } = parseList('cbp_wro', fixture('cbp-wro.csv'));
    expect(entries).toHaveLength(4);
    expect(issues).toEqual([expect.objectContaining({ reason: expect.stringContaining('no Entity') })]);
    expect(byName(entries, 'Zhenqiao Brightfield Cotton Co., Ltd.')).toMatchObject({ inactive: false, countries: ['CN'], startsOn: '2023-01-12', sourceStatus: 'Active' });
    expect(byName(entries, 'Sorvandi Hand Gloves Sdn. Bhd.').inactive).toBe(false); // Partially Active
    expect(byName(entries, 'Kalimbora Tea Estates Limited').inactive).toBe(true);
    expect(byName(entries, 'Rasharun Fisheries Co.').names.map((n) => n.name)).toEqual(['Rasharun Fisheries Co.', 'Rasharun Marine']);
    expect(byName(entries, 'Rasharun Fisheries Co.').reason).toContain('façade');
  });

  it('UFLPA: the CSV transcription and the DHS page give the same entries', () => {
    const csv = parseList('uflpa', fixture('uflpa-entity-list.csv'));
    const html = parseList('uflpa', fixture('uflpa-entity-list.html'));
    expect(csv.issues).toEqual([]);
    expect(csv.entries).toHaveLength(6);
    const fendralux = byName(csv.entries, 'Fendralux Polysilicon Co., Ltd.');
    expect(fendralux.names.filter((n) => n.kind === 'subsidiary')).toHaveLength(3);
    expect(fendralux).toMatchObject({ countries: ['CN'], startsOn: '2022-12-16', endsOn: null });
    expect(fendralux.program).toContain('(ii)');
    for (const e of html.entries) {
      const same = csv.entries.find((c) => c.sourceId === e.sourceId);
      expect(same?.names).toEqual(e.names);
      expect(e.program).toBe(same?.program);
    }
    expect(html.entries).toHaveLength(4);
  });

  it('FollowTheMoney: sanctions give dates and programme, addresses give a country, identifiers are mapped', () => {
    const { entries, issues } = parseList('ftm', fixture('ftm-sanctions.jsonl'));
    expect(issues).toEqual([]);
    expect(entries.map((e) => e.sourceId)).toEqual(['lt-co-001', 'lt-per-001', 'lt-co-002']);
    const korvelin = entries[0]!;
    expect(korvelin).toMatchObject({ schema: 'Company', countries: ['RU'], startsOn: '2023-05-02', endsOn: null, program: 'Forced labour in supply chains' });
    expect(korvelin.identifiers).toEqual(
      expect.arrayContaining([
        { scheme: 'registration', value: '1163702089554', country: 'RU' },
        { scheme: 'inn', value: '3702150771', country: 'RU' },
      ]),
    );
    expect(korvelin.names.map((n) => n.kind)).toEqual(['primary', 'alias', 'alias', 'alias']);
    expect(entries[1]).toMatchObject({ schema: 'Person', endsOn: '2024-01-09' });
    expect(entries[2]!.identifiers).toEqual([{ scheme: 'lei', value: '5493004TH3SS4L4K1S21', country: 'GR' }]);
  });

  it('reads the FollowTheMoney sample shipped in shared/data', () => {
    let content: Buffer;
    try {
      content = readFileSync('/work/shared/data/samples/ftm_minimal_entities.jsonl');
    } catch {
      return; // not on this machine
    }
    const { entries } = parseList('ftm', content);
    expect(entries).toHaveLength(6); // 7 entities, one of them an Address
    expect(entries[0]!.names).toHaveLength(12);
  });
});
