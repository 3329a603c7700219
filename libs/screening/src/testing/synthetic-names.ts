/**
 * Deterministic generator of invented supplier and person names, for the
 * evaluation background, the benchmark's million list entries and the demo.
 * Stems are random syllable pairs (visibly invented); the trade words and
 * legal forms are the common ones, so that word frequencies look like a real
 * list's: a few words ("Trading", "Textile", "Co., Ltd.") in a large share of
 * names, and rare stems that identify.
 */

/** mulberry32: small, fast, seedable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'br', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'kr', 'l', 'm', 'n', 'p', 'pr', 'q', 'r', 's', 'st', 't', 'tr', 'v', 'z', 'zh', 'sh', 'ch', 'x', 'y', 'w', 'kh'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ao', 'ei', 'ia', 'ou', 'ua', 'ie'];
const CODAS = ['', '', '', 'n', 'r', 'l', 'm', 's', 'k', 'v', 'ng', 'nd', 'rt', 'sk', 'th'];

const TRADE_WORDS = [
  'Textile', 'Textiles', 'Trading', 'Garment', 'Garments', 'Apparel', 'Knitwear', 'Knitting', 'Spinning', 'Weaving', 'Dyeing', 'Fabrics', 'Cotton',
  'Leather', 'Footwear', 'Seafood', 'Fisheries', 'Agro', 'Foods', 'Plastics', 'Packaging', 'Electronics', 'Electrical', 'Metal', 'Steel', 'Mining',
  'Logistics', 'Shipping', 'Manpower', 'Recruitment', 'Overseas', 'Employment', 'Services', 'Industries', 'Industrial', 'Manufacturing',
  'International', 'Global', 'Group', 'Holdings', 'Enterprises', 'Import', 'Export', 'Solar', 'Polysilicon', 'Chemical', 'Rubber', 'Gloves',
  'Bricks', 'Tea', 'Cocoa', 'Palm Oil', 'Timber', 'Furniture', 'Toys', 'Carpets', 'Construction', 'Engineering', 'Technology', 'Development',
];
const PLACE_WORDS = ['Asia', 'Pacific', 'Golden', 'Star', 'Sun', 'Sunrise', 'Royal', 'United', 'New', 'Eastern', 'Western', 'Orient', 'Green', 'Silver', 'Prime', 'Modern', 'Dragon', 'Lotus', 'Ocean', 'Mega'];
const LEGAL: readonly (readonly [string, readonly string[]])[] = [
  ['CN', ['Co., Ltd.', 'Co Ltd', 'Company Limited', 'Group Co., Ltd.']],
  ['BD', ['Ltd', 'Limited', '(Pvt) Ltd']],
  ['IN', ['Pvt Ltd', 'Private Limited', 'Ltd']],
  ['PK', ['(Pvt) Ltd', 'Pvt. Ltd.']],
  ['VN', ['Co., Ltd', 'Company Limited', 'JSC']],
  ['TH', ['Co., Ltd.', 'Public Company Limited']],
  ['MY', ['Sdn Bhd', 'Sdn. Bhd.', 'Berhad']],
  ['ID', ['PT', 'Tbk']],
  ['TR', ['A.Ş.', 'Ltd. Şti.']],
  ['RU', ['OOO', 'LLC', 'JSC']],
  ['US', ['Inc.', 'LLC', 'Corp.']],
  ['DE', ['GmbH', 'AG']],
  ['GB', ['Ltd', 'Limited', 'plc']],
  ['MX', ['S.A. de C.V.']],
  ['NP', ['Pvt. Ltd.']],
  ['AE', ['LLC', 'FZE']],
];
const GIVEN = ['Arman', 'Bilal', 'Chen', 'Dmitri', 'Elena', 'Farida', 'Goran', 'Hana', 'Ivan', 'Jamal', 'Kamal', 'Lina', 'Maria', 'Nadia', 'Omar', 'Pavel', 'Rahim', 'Sara', 'Tariq', 'Yusuf', 'Wei', 'Zhang', 'Anh', 'Minh'];

export interface SyntheticName {
  name: string;
  country: string;
  kind: 'company' | 'person';
  /** The invented stem (for building variants). */
  stem: string;
}

export class SyntheticNames {
  private readonly rnd: () => number;

  constructor(seed = 20251122) {
    this.rnd = seededRandom(seed);
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)]!;
  }

  syllable(): string {
    return this.pick(ONSETS) + this.pick(NUCLEI) + this.pick(CODAS);
  }

  /** "Korvelin"-like stem of 2-3 syllables. */
  stem(): string {
    const n = this.rnd() < 0.3 ? 3 : 2;
    let s = '';
    for (let i = 0; i < n; i++) s += this.syllable();
    return s[0]!.toUpperCase() + s.slice(1);
  }

  company(): SyntheticName {
    const [country, forms] = this.pick(LEGAL);
    const stem = this.stem();
    const words: string[] = [];
    if (this.rnd() < 0.15) words.push(this.pick(PLACE_WORDS));
    words.push(stem);
    if (this.rnd() < 0.2) words.push(this.stem());
    const trade = 1 + Math.floor(this.rnd() * 2.2);
    for (let i = 0; i < trade; i++) words.push(this.pick(TRADE_WORDS));
    const form = this.pick(forms);
    const name = form === 'PT' ? `PT ${words.join(' ')}` : `${words.join(' ')} ${form}`;
    return { name, country, kind: 'company', stem };
  }

  person(): SyntheticName {
    const stem = this.stem();
    const suffix = this.pick(['ov', 'enko', 'idis', 'ez', 'ski', 'ani', 'ullah', '']);
    const name = `${this.pick(GIVEN)} ${this.rnd() < 0.3 ? `${this.pick(GIVEN)} ` : ''}${stem}${suffix}`;
    return { name, country: this.pick(LEGAL)[0], kind: 'person', stem };
  }

  /** A company (85%) or a person (15%). */
  next(): SyntheticName {
    return this.rnd() < 0.85 ? this.company() : this.person();
  }
}
