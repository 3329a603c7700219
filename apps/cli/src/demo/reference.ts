/**
 * Illustrative reference tables for the demo generator: where the invented
 * supply chain sits, the labour-migration corridors that feed it, wages and
 * typical worker-paid fees. Orders of magnitude follow public reporting on
 * these corridors (ILO/World Bank KNOMAD recruitment-cost surveys, NGO
 * corridor studies); the exact figures are ours and only shape synthetic
 * data. Nothing here is used for scoring.
 */

/** Sectors use Open Supply Hub's taxonomy (../shared/data/samples/opensupplyhub/sectors.json). */
export interface Segment {
  id: string;
  tier: 1 | 2 | 3;
  sector: string;
  /** What the supplier makes, for descriptions and later goods-based risk. */
  product: string;
  /** Generic words used in invented company names. */
  nameWords: readonly string[];
  /** Countries (ISO 3166-1 alpha-2) with relative weights. */
  countries: readonly (readonly [string, number])[];
  headcount: readonly [number, number];
  /** Share of women among workers. */
  femaleShare: number;
  /** Segments (ids) of the next tier up that buy from this one. */
  sellsTo: readonly string[];
}

export const SEGMENTS: readonly Segment[] = [
  // Tier 1: the company's direct suppliers (finished goods and services).
  { id: 'apparel', tier: 1, sector: 'Apparel', product: 'garments', nameWords: ['Garments', 'Apparel', 'Knitwear', 'Fashion Wear'], countries: [['BD', 5], ['VN', 4], ['KH', 3], ['JO', 3], ['TR', 2], ['IN', 2], ['CN', 2], ['MY', 1], ['LK', 1]], headcount: [300, 4000], femaleShare: 0.72, sellsTo: [] },
  { id: 'footwear', tier: 1, sector: 'Footwear', product: 'footwear', nameWords: ['Footwear', 'Shoe Manufacturing'], countries: [['VN', 3], ['ID', 2], ['CN', 2], ['KH', 1]], headcount: [800, 6000], femaleShare: 0.68, sellsTo: [] },
  { id: 'electronics', tier: 1, sector: 'Electronic Product Manufacturing', product: 'consumer electronics', nameWords: ['Electronics', 'Precision Assembly', 'Digital Devices'], countries: [['MY', 5], ['TW', 3], ['CN', 3], ['VN', 2], ['TH', 2]], headcount: [500, 8000], femaleShare: 0.55, sellsTo: [] },
  { id: 'logistics', tier: 1, sector: 'Warehousing', product: 'warehousing and distribution', nameWords: ['Logistics', 'Distribution Services', 'Freight Services'], countries: [['AE', 3], ['QA', 2], ['SA', 2]], headcount: [100, 900], femaleShare: 0.06, sellsTo: [] },
  // Tier 2: components, fabrics, processing.
  { id: 'textile_mill', tier: 2, sector: 'Textile Mills', product: 'yarn and fabric', nameWords: ['Spinning Mills', 'Textile Mills', 'Fabrics', 'Dyeing & Finishing'], countries: [['IN', 3], ['PK', 3], ['CN', 3], ['TR', 2], ['BD', 2], ['VN', 2], ['TW', 1]], headcount: [200, 2500], femaleShare: 0.45, sellsTo: ['apparel', 'footwear'] },
  { id: 'components', tier: 2, sector: 'Components', product: 'electronic modules and sub-assemblies', nameWords: ['Components', 'Micro Devices', 'Circuit Works', 'Precision Parts'], countries: [['MY', 4], ['TW', 3], ['TH', 2], ['CN', 3]], headcount: [200, 3000], femaleShare: 0.5, sellsTo: ['electronics'] },
  { id: 'rubber_products', tier: 2, sector: 'Rubber Products', product: 'rubber soles, gloves and cable insulation', nameWords: ['Rubber Industries', 'Polymer Products', 'Latex Products'], countries: [['MY', 3], ['TH', 2], ['VN', 1]], headcount: [150, 2500], femaleShare: 0.35, sellsTo: ['footwear', 'electronics'] },
  { id: 'packaging', tier: 2, sector: 'Printing', product: 'packaging and labels', nameWords: ['Packaging', 'Print & Pack', 'Labels'], countries: [['VN', 2], ['MY', 2], ['CN', 2], ['BD', 1]], headcount: [80, 600], femaleShare: 0.4, sellsTo: ['apparel', 'electronics', 'footwear'] },
  { id: 'chemicals', tier: 2, sector: 'Chemical Industry', product: 'textile auxiliaries and finishes', nameWords: ['Chemicals', 'Textile Auxiliaries', 'Specialty Chemicals'], countries: [['CN', 2], ['IN', 2], ['MY', 1], ['TH', 1]], headcount: [50, 400], femaleShare: 0.2, sellsTo: ['apparel', 'footwear'] },
  // Tier 3: raw materials.
  { id: 'cotton', tier: 3, sector: 'Crop Production', product: 'cotton', nameWords: ['Cotton Ginning', 'Agro Cotton', 'Cotton Growers'], countries: [['IN', 4], ['PK', 3], ['TR', 2], ['CN', 2]], headcount: [40, 600], femaleShare: 0.5, sellsTo: ['textile_mill'] },
  { id: 'palm_oil', tier: 3, sector: 'Agriculture', product: 'palm oil and palm kernel derivatives', nameWords: ['Plantations', 'Palm Oil Mill', 'Agri Estates'], countries: [['MY', 3], ['ID', 3]], headcount: [150, 1800], femaleShare: 0.18, sellsTo: ['chemicals'] },
  { id: 'seafood', tier: 3, sector: 'Fishing', product: 'shrimp shells and fish by-products (chitosan feedstock)', nameWords: ['Seafood', 'Marine Products', 'Fisheries'], countries: [['TH', 4], ['TW', 2], ['ID', 2]], headcount: [80, 1200], femaleShare: 0.4, sellsTo: ['chemicals'] },
  { id: 'rubber', tier: 3, sector: 'Farming', product: 'natural rubber', nameWords: ['Rubber Estates', 'Latex Growers'], countries: [['TH', 3], ['MY', 2], ['VN', 2], ['ID', 2]], headcount: [40, 700], femaleShare: 0.4, sellsTo: ['rubber_products'] },
  { id: 'electronic_parts', tier: 3, sector: 'Electrical Devices', product: 'passive components and printed circuit boards', nameWords: ['Capacitors', 'Circuit Boards', 'Electro Parts'], countries: [['MY', 3], ['TW', 2], ['CN', 3], ['TH', 1]], headcount: [200, 3000], femaleShare: 0.58, sellsTo: ['components'] },
  { id: 'tin', tier: 3, sector: 'Mining', product: 'tin solder and metal', nameWords: ['Tin Smelting', 'Metals'], countries: [['ID', 2], ['MY', 1]], headcount: [100, 900], femaleShare: 0.08, sellsTo: ['components'] },
];

/** Places (real cities and regions; invented estates are added by the generator). */
export const PLACES: Record<string, readonly string[]> = {
  AE: ['Jebel Ali, Dubai', 'Al Quoz, Dubai', 'Industrial Area, Sharjah', 'Ajman'],
  BD: ['Gazipur', 'Savar, Dhaka', 'Narayanganj', 'Chattogram'],
  CN: ['Dongguan, Guangdong', 'Suzhou, Jiangsu', 'Ningbo, Zhejiang', 'Xiamen, Fujian', 'Shenzhen, Guangdong'],
  ID: ['Batam, Riau Islands', 'Bekasi, West Java', 'Pekanbaru, Riau', 'Bitung, North Sulawesi', 'Palangka Raya, Central Kalimantan'],
  IN: ['Tiruppur, Tamil Nadu', 'Noida, Uttar Pradesh', 'Ludhiana, Punjab', 'Bengaluru, Karnataka', 'Rajkot, Gujarat'],
  JO: ['Irbid', 'Sahab, Amman', 'Dhulail, Zarqa', 'Al Tajamouat, Amman'],
  KH: ['Phnom Penh', 'Kampong Speu', 'Kandal'],
  LK: ['Katunayake', 'Biyagama', 'Koggala'],
  MY: ['Penang', 'Johor Bahru, Johor', 'Klang, Selangor', 'Kulim, Kedah', 'Sandakan, Sabah', 'Bintulu, Sarawak'],
  PK: ['Faisalabad, Punjab', 'Lahore, Punjab', 'Karachi, Sindh', 'Multan, Punjab'],
  QA: ['Industrial Area, Doha', 'Mesaieed', 'Al Wakrah'],
  SA: ['Second Industrial City, Riyadh', 'Dammam', 'Jeddah'],
  TH: ['Samut Sakhon', 'Rayong', 'Chonburi', 'Songkhla', 'Surat Thani', 'Ayutthaya'],
  TR: ['Denizli', 'Bursa', 'Gaziantep', 'Sanliurfa'],
  TW: ['Taoyuan', 'Hsinchu', 'Taichung', 'Kaohsiung', 'Pingtung'],
  VN: ['Binh Duong', 'Dong Nai', 'Bac Ninh', 'Hai Phong', 'Long An'],
};

/** Legal-form suffixes by country (company names are otherwise invented). */
export const LEGAL_FORMS: Record<string, readonly string[]> = {
  AE: ['LLC', 'FZE'], BD: ['Ltd', 'Limited'], CN: ['Co., Ltd.'], ID: ['PT'], IN: ['Pvt Ltd', 'Private Limited'],
  JO: ['Co. Ltd', 'LLC'], KH: ['Co., Ltd.'], LK: ['(Pvt) Ltd'], MY: ['Sdn Bhd', 'Sdn. Bhd.'], PK: ['(Pvt) Ltd'],
  QA: ['W.L.L.'], SA: ['Co.', 'LLC'], TH: ['Co., Ltd.', 'Public Co., Ltd.'], TR: ['A.Ş.', 'Ltd. Şti.'],
  TW: ['Co., Ltd.', 'Corp.'], VN: ['Co., Ltd', 'JSC'], NP: ['Pvt. Ltd.'], MM: ['Co., Ltd.'], PH: ['Inc.', 'Corporation'],
  ET: ['PLC'],
};

/** Destination labour-market profile (where the sites are). */
export interface Destination {
  currency: string;
  /** Monthly wage range in major units of `currency` for production workers. */
  wage: readonly [number, number];
  /** Migrant worker share range for sites in this country. */
  migrantShare: readonly [number, number];
  /** Work permits tied to one employer/sponsor (kafala, employer-specific permits). */
  tiedPermits: boolean;
  /** Probability the worker can change employer without permission (law and practice mixed). */
  canChangeEmployer: number;
  exitPermit: number;
  /** Visa types and weights for migrant workers. */
  visas: readonly (readonly [string, number])[];
  /** Share of sites that keep migrants' passports (baseline before supplier conduct). */
  passportRetention: number;
}

export const DESTINATIONS: Record<string, Destination> = {
  MY: { currency: 'MYR', wage: [1500, 2300], migrantShare: [0.3, 0.85], tiedPermits: true, canChangeEmployer: 0.08, exitPermit: 0.05, visas: [['employer_sponsored', 8], ['sector_permit', 2]], passportRetention: 0.45 },
  TH: { currency: 'THB', wage: [9000, 13000], migrantShare: [0.25, 0.85], tiedPermits: true, canChangeEmployer: 0.2, exitPermit: 0.02, visas: [['employer_sponsored', 7], ['sector_permit', 2], ['undocumented', 1]], passportRetention: 0.3 },
  TW: { currency: 'TWD', wage: [27470, 33000], migrantShare: [0.15, 0.6], tiedPermits: true, canChangeEmployer: 0.12, exitPermit: 0.02, visas: [['employer_sponsored', 9], ['sector_permit', 1]], passportRetention: 0.25 },
  QA: { currency: 'QAR', wage: [1000, 2200], migrantShare: [0.85, 0.98], tiedPermits: true, canChangeEmployer: 0.45, exitPermit: 0.12, visas: [['employer_sponsored', 10]], passportRetention: 0.5 },
  AE: { currency: 'AED', wage: [1000, 2600], migrantShare: [0.85, 0.98], tiedPermits: true, canChangeEmployer: 0.3, exitPermit: 0.05, visas: [['employer_sponsored', 10]], passportRetention: 0.45 },
  SA: { currency: 'SAR', wage: [1200, 2200], migrantShare: [0.8, 0.97], tiedPermits: true, canChangeEmployer: 0.15, exitPermit: 0.75, visas: [['employer_sponsored', 10]], passportRetention: 0.55 },
  JO: { currency: 'JOD', wage: [260, 360], migrantShare: [0.5, 0.85], tiedPermits: true, canChangeEmployer: 0.1, exitPermit: 0.05, visas: [['employer_sponsored', 9], ['sector_permit', 1]], passportRetention: 0.35 },
  // Countries whose sites employ mostly local workers (free labour mobility for citizens).
  BD: { currency: 'BDT', wage: [12500, 16000], migrantShare: [0, 0.02], tiedPermits: false, canChangeEmployer: 1, exitPermit: 0, visas: [], passportRetention: 0.02 },
  CN: { currency: 'CNY', wage: [3500, 6500], migrantShare: [0, 0.03], tiedPermits: false, canChangeEmployer: 1, exitPermit: 0, visas: [], passportRetention: 0.02 },
  ID: { currency: 'IDR', wage: [3200000, 5400000], migrantShare: [0, 0.02], tiedPermits: false, canChangeEmployer: 1, exitPermit: 0, visas: [], passportRetention: 0.02 },
  IN: { currency: 'INR', wage: [11000, 18000], migrantShare: [0, 0.02], tiedPermits: false, canChangeEmployer: 1, exitPermit: 0, visas: [], passportRetention: 0.02 },
  KH: { currency: 'USD', wage: [204, 260], migrantShare: [0, 0.01], tiedPermits: false, canChangeEmployer: 1, exitPermit: 0, visas: [], passportRetention: 0.01 },
  LK: { currency: 'LKR', wage: [27000, 38000], migrantShare: [0, 0.01], tiedPermits: false, canChangeEmployer: 1, exitPermit: 0, visas: [], passportRetention: 0.01 },
  PK: { currency: 'PKR', wage: [37000, 45000], migrantShare: [0, 0.01], tiedPermits: false, canChangeEmployer: 1, exitPermit: 0, visas: [], passportRetention: 0.01 },
  TR: { currency: 'TRY', wage: [22000, 30000], migrantShare: [0, 0.12], tiedPermits: false, canChangeEmployer: 1, exitPermit: 0, visas: [], passportRetention: 0.03 },
  VN: { currency: 'VND', wage: [4800000, 7500000], migrantShare: [0, 0.02], tiedPermits: false, canChangeEmployer: 1, exitPermit: 0, visas: [], passportRetention: 0.01 },
};

/** Origin countries of migrant workers and their recruiters. */
export interface Origin {
  currency: string;
  /** Illustrative units of `currency` per USD (only to express generated amounts). */
  perUsd: number;
  licenceAuthority: string;
  recruiterNameWords: readonly string[];
  /** Destinations served, with typical worker-paid fees in USD [low, high] under a typical recruiter. */
  corridors: Record<string, readonly [number, number]>;
}

export const ORIGINS: Record<string, Origin> = {
  NP: { currency: 'NPR', perUsd: 136, licenceAuthority: 'Department of Foreign Employment', recruiterNameWords: ['Overseas Employment', 'Manpower Services', 'HR Solutions'], corridors: { MY: [1000, 1600], QA: [900, 1500], AE: [900, 1400], SA: [800, 1300], JO: [600, 1000] } },
  BD: { currency: 'BDT', perUsd: 122, licenceAuthority: 'Bureau of Manpower, Employment and Training', recruiterNameWords: ['Overseas', 'International Recruiting Agency', 'Manpower'], corridors: { MY: [2500, 4200], SA: [2500, 4000], AE: [2000, 3500], QA: [2000, 3200], JO: [700, 1400] } },
  MM: { currency: 'MMK', perUsd: 2100, licenceAuthority: 'Ministry of Labour', recruiterNameWords: ['Overseas Employment Agency', 'Job Services'], corridors: { TH: [300, 800], MY: [1200, 2000] } },
  KH: { currency: 'USD', perUsd: 1, licenceAuthority: 'Ministry of Labour and Vocational Training', recruiterNameWords: ['Manpower', 'Human Resources'], corridors: { TH: [250, 650] } },
  LA: { currency: 'LAK', perUsd: 21700, licenceAuthority: 'Ministry of Labour and Social Welfare', recruiterNameWords: ['Skill Development and Employment Service'], corridors: { TH: [250, 600] } },
  PH: { currency: 'PHP', perUsd: 57, licenceAuthority: 'Department of Migrant Workers', recruiterNameWords: ['Manpower Agency', 'International Placement', 'Overseas Staffing'], corridors: { QA: [300, 900], SA: [200, 700], AE: [300, 900], TW: [1500, 2500] } },
  ID: { currency: 'IDR', perUsd: 16300, licenceAuthority: 'Ministry of Manpower / BP2MI', recruiterNameWords: ['Karya Mandiri', 'Tenaga Kerja Global', 'Bina Insani'], corridors: { MY: [800, 1600], TW: [2200, 3800], SA: [600, 1200] } },
  IN: { currency: 'INR', perUsd: 88, licenceAuthority: 'Protector General of Emigrants', recruiterNameWords: ['Placement Consultants', 'Overseas Manpower', 'Global Careers'], corridors: { AE: [900, 1800], QA: [900, 1700], SA: [1000, 1900] } },
  LK: { currency: 'LKR', perUsd: 300, licenceAuthority: 'Sri Lanka Bureau of Foreign Employment', recruiterNameWords: ['Foreign Employment Agency', 'Manpower'], corridors: { JO: [400, 1000], QA: [500, 1200] } },
  PK: { currency: 'PKR', perUsd: 281, licenceAuthority: 'Bureau of Emigration and Overseas Employment', recruiterNameWords: ['Overseas Employment Promoters', 'Manpower Promoters'], corridors: { SA: [2000, 3500], AE: [1800, 3000] } },
  VN: { currency: 'VND', perUsd: 26000, licenceAuthority: 'Department of Overseas Labour', recruiterNameWords: ['Human Resources JSC', 'Manpower Supply JSC'], corridors: { TW: [4000, 6500], MY: [1200, 2200] } },
  ET: { currency: 'ETB', perUsd: 150, licenceAuthority: 'Ministry of Labour and Skills', recruiterNameWords: ['Foreign Employment Agency', 'Overseas Employment Agency'], corridors: { SA: [300, 900], JO: [300, 800] } },
};

/** Destination-side agencies (brokers) and the origins they source from. */
export const DESTINATION_AGENCIES: readonly { country: string; sources: readonly string[]; words: readonly string[]; authority: string }[] = [
  { country: 'MY', sources: ['NP', 'BD', 'ID', 'MM'], words: ['Outsourcing', 'Workforce Solutions'], authority: 'Department of Labour Peninsular Malaysia' },
  { country: 'TW', sources: ['ID', 'VN', 'PH'], words: ['Manpower Consulting', 'Labour Brokerage'], authority: 'Workforce Development Agency' },
  { country: 'QA', sources: ['NP', 'IN', 'PH', 'BD'], words: ['Recruitment', 'Manpower'], authority: 'Ministry of Labour' },
  { country: 'TH', sources: ['MM', 'KH'], words: ['Labour Services', 'Workforce Supply'], authority: 'Department of Employment' },
];

/** Audit standards named in audit rows (public standards, not companies). */
export const AUDIT_STANDARDS: Record<string, readonly string[]> = {
  announced: ['SMETA 7.0 (4-pillar)', 'RBA VAP 8.0', 'amfori BSCI', 'SA8000:2014'],
  unannounced: ['SMETA 7.0 (4-pillar)', 'RBA VAP 8.0', 'amfori BSCI'],
  desk: ['Recruitment documentation desk review'],
  worker_voice: ['Worker-voice survey protocol v2'],
};

/** Invented syllables for company-name stems. */
export const SYLLABLES = [
  'ka', 'ren', 'lo', 'vi', 'tha', 'mar', 'sen', 'dor', 'qua', 'li', 'ven', 'tor', 'mi', 'sa', 'ro', 'zan', 'bel', 'nu', 'ki', 'ora',
  'tes', 'ly', 'dan', 'vek', 'sol', 'iri', 'pa', 'mon', 'cal', 'dre', 'fen', 'gar', 'hal', 'jun', 'kor', 'lum', 'nar', 'per', 'rav',
  'sor', 'tam', 'ul', 'wen', 'yar', 'zel', 'bri', 'cor', 'dal', 'eko', 'fa', 'gil', 'hen', 'ixa', 'jor', 'kel', 'lin', 'mo', 'nev',
] as const;
