/**
 * Currencies: ISO 4217 alphabetic codes with their minor-unit exponent (the
 * number of decimal places of the minor unit: JPY 0, USD 2, KWD 3, CLF 4).
 *
 * Source: ISO 4217 List One ("Current currency & funds"), names as in Debian's
 * `iso-codes` 4.15, updated for the 2024-2025 amendments (ZWG Zimbabwe Gold,
 * XCG Caribbean Guilder). Codes whose minor unit is "N.A." in List One (precious
 * metals XAU/XAG/XPD/XPT, XDR, XSU, XUA, the bond-market units XBA-XBD, the
 * testing code XTS and XXX "no currency") are left out: no fee or wage is paid
 * in them, and money in Lantern is always an integer count of minor units.
 *
 * Recently replaced codes (List Three / being phased out) are kept in
 * `REPLACED_CURRENCIES` and still accepted by `isCurrencyCode`: a recruitment fee
 * is a past payment, and a worker interviewed in 2025 may have paid in HRK in
 * 2022. Use `isActiveCurrencyCode` where only current codes are acceptable.
 */

export interface CurrencyRecord {
  /** ISO 4217 alphabetic code, upper case. */
  readonly code: string;
  /** ISO 4217 minor unit: decimal places between the major and the minor unit. */
  readonly exponent: 0 | 2 | 3 | 4;
  /** ISO 4217 English currency name. */
  readonly name: string;
  /** Set on replaced currencies: the code that replaced it. */
  readonly replacedBy?: string;
}

// prettier-ignore
export const ACTIVE_CURRENCIES = [
  { code: 'AED', exponent: 2, name: 'UAE Dirham' },
  { code: 'AFN', exponent: 2, name: 'Afghani' },
  { code: 'ALL', exponent: 2, name: 'Lek' },
  { code: 'AMD', exponent: 2, name: 'Armenian Dram' },
  { code: 'AOA', exponent: 2, name: 'Kwanza' },
  { code: 'ARS', exponent: 2, name: 'Argentine Peso' },
  { code: 'AUD', exponent: 2, name: 'Australian Dollar' },
  { code: 'AWG', exponent: 2, name: 'Aruban Florin' },
  { code: 'AZN', exponent: 2, name: 'Azerbaijan Manat' },
  { code: 'BAM', exponent: 2, name: 'Convertible Mark' },
  { code: 'BBD', exponent: 2, name: 'Barbados Dollar' },
  { code: 'BDT', exponent: 2, name: 'Taka' },
  { code: 'BGN', exponent: 2, name: 'Bulgarian Lev' },
  { code: 'BHD', exponent: 3, name: 'Bahraini Dinar' },
  { code: 'BIF', exponent: 0, name: 'Burundi Franc' },
  { code: 'BMD', exponent: 2, name: 'Bermudian Dollar' },
  { code: 'BND', exponent: 2, name: 'Brunei Dollar' },
  { code: 'BOB', exponent: 2, name: 'Boliviano' },
  { code: 'BOV', exponent: 2, name: 'Mvdol' },
  { code: 'BRL', exponent: 2, name: 'Brazilian Real' },
  { code: 'BSD', exponent: 2, name: 'Bahamian Dollar' },
  { code: 'BTN', exponent: 2, name: 'Ngultrum' },
  { code: 'BWP', exponent: 2, name: 'Pula' },
  { code: 'BYN', exponent: 2, name: 'Belarusian Ruble' },
  { code: 'BZD', exponent: 2, name: 'Belize Dollar' },
  { code: 'CAD', exponent: 2, name: 'Canadian Dollar' },
  { code: 'CDF', exponent: 2, name: 'Congolese Franc' },
  { code: 'CHE', exponent: 2, name: 'WIR Euro' },
  { code: 'CHF', exponent: 2, name: 'Swiss Franc' },
  { code: 'CHW', exponent: 2, name: 'WIR Franc' },
  { code: 'CLF', exponent: 4, name: 'Unidad de Fomento' },
  { code: 'CLP', exponent: 0, name: 'Chilean Peso' },
  { code: 'CNY', exponent: 2, name: 'Yuan Renminbi' },
  { code: 'COP', exponent: 2, name: 'Colombian Peso' },
  { code: 'COU', exponent: 2, name: 'Unidad de Valor Real' },
  { code: 'CRC', exponent: 2, name: 'Costa Rican Colon' },
  { code: 'CUP', exponent: 2, name: 'Cuban Peso' },
  { code: 'CVE', exponent: 2, name: 'Cabo Verde Escudo' },
  { code: 'CZK', exponent: 2, name: 'Czech Koruna' },
  { code: 'DJF', exponent: 0, name: 'Djibouti Franc' },
  { code: 'DKK', exponent: 2, name: 'Danish Krone' },
  { code: 'DOP', exponent: 2, name: 'Dominican Peso' },
  { code: 'DZD', exponent: 2, name: 'Algerian Dinar' },
  { code: 'EGP', exponent: 2, name: 'Egyptian Pound' },
  { code: 'ERN', exponent: 2, name: 'Nakfa' },
  { code: 'ETB', exponent: 2, name: 'Ethiopian Birr' },
  { code: 'EUR', exponent: 2, name: 'Euro' },
  { code: 'FJD', exponent: 2, name: 'Fiji Dollar' },
  { code: 'FKP', exponent: 2, name: 'Falkland Islands Pound' },
  { code: 'GBP', exponent: 2, name: 'Pound Sterling' },
  { code: 'GEL', exponent: 2, name: 'Lari' },
  { code: 'GHS', exponent: 2, name: 'Ghana Cedi' },
  { code: 'GIP', exponent: 2, name: 'Gibraltar Pound' },
  { code: 'GMD', exponent: 2, name: 'Dalasi' },
  { code: 'GNF', exponent: 0, name: 'Guinean Franc' },
  { code: 'GTQ', exponent: 2, name: 'Quetzal' },
  { code: 'GYD', exponent: 2, name: 'Guyana Dollar' },
  { code: 'HKD', exponent: 2, name: 'Hong Kong Dollar' },
  { code: 'HNL', exponent: 2, name: 'Lempira' },
  { code: 'HTG', exponent: 2, name: 'Gourde' },
  { code: 'HUF', exponent: 2, name: 'Forint' },
  { code: 'IDR', exponent: 2, name: 'Rupiah' },
  { code: 'ILS', exponent: 2, name: 'New Israeli Sheqel' },
  { code: 'INR', exponent: 2, name: 'Indian Rupee' },
  { code: 'IQD', exponent: 3, name: 'Iraqi Dinar' },
  { code: 'IRR', exponent: 2, name: 'Iranian Rial' },
  { code: 'ISK', exponent: 0, name: 'Iceland Krona' },
  { code: 'JMD', exponent: 2, name: 'Jamaican Dollar' },
  { code: 'JOD', exponent: 3, name: 'Jordanian Dinar' },
  { code: 'JPY', exponent: 0, name: 'Yen' },
  { code: 'KES', exponent: 2, name: 'Kenyan Shilling' },
  { code: 'KGS', exponent: 2, name: 'Som' },
  { code: 'KHR', exponent: 2, name: 'Riel' },
  { code: 'KMF', exponent: 0, name: 'Comorian Franc' },
  { code: 'KPW', exponent: 2, name: 'North Korean Won' },
  { code: 'KRW', exponent: 0, name: 'Won' },
  { code: 'KWD', exponent: 3, name: 'Kuwaiti Dinar' },
  { code: 'KYD', exponent: 2, name: 'Cayman Islands Dollar' },
  { code: 'KZT', exponent: 2, name: 'Tenge' },
  { code: 'LAK', exponent: 2, name: 'Lao Kip' },
  { code: 'LBP', exponent: 2, name: 'Lebanese Pound' },
  { code: 'LKR', exponent: 2, name: 'Sri Lanka Rupee' },
  { code: 'LRD', exponent: 2, name: 'Liberian Dollar' },
  { code: 'LSL', exponent: 2, name: 'Loti' },
  { code: 'LYD', exponent: 3, name: 'Libyan Dinar' },
  { code: 'MAD', exponent: 2, name: 'Moroccan Dirham' },
  { code: 'MDL', exponent: 2, name: 'Moldovan Leu' },
  { code: 'MGA', exponent: 2, name: 'Malagasy Ariary' },
  { code: 'MKD', exponent: 2, name: 'Denar' },
  { code: 'MMK', exponent: 2, name: 'Kyat' },
  { code: 'MNT', exponent: 2, name: 'Tugrik' },
  { code: 'MOP', exponent: 2, name: 'Pataca' },
  { code: 'MRU', exponent: 2, name: 'Ouguiya' },
  { code: 'MUR', exponent: 2, name: 'Mauritius Rupee' },
  { code: 'MVR', exponent: 2, name: 'Rufiyaa' },
  { code: 'MWK', exponent: 2, name: 'Malawi Kwacha' },
  { code: 'MXN', exponent: 2, name: 'Mexican Peso' },
  { code: 'MXV', exponent: 2, name: 'Mexican Unidad de Inversion (UDI)' },
  { code: 'MYR', exponent: 2, name: 'Malaysian Ringgit' },
  { code: 'MZN', exponent: 2, name: 'Mozambique Metical' },
  { code: 'NAD', exponent: 2, name: 'Namibia Dollar' },
  { code: 'NGN', exponent: 2, name: 'Naira' },
  { code: 'NIO', exponent: 2, name: 'Cordoba Oro' },
  { code: 'NOK', exponent: 2, name: 'Norwegian Krone' },
  { code: 'NPR', exponent: 2, name: 'Nepalese Rupee' },
  { code: 'NZD', exponent: 2, name: 'New Zealand Dollar' },
  { code: 'OMR', exponent: 3, name: 'Rial Omani' },
  { code: 'PAB', exponent: 2, name: 'Balboa' },
  { code: 'PEN', exponent: 2, name: 'Sol' },
  { code: 'PGK', exponent: 2, name: 'Kina' },
  { code: 'PHP', exponent: 2, name: 'Philippine Peso' },
  { code: 'PKR', exponent: 2, name: 'Pakistan Rupee' },
  { code: 'PLN', exponent: 2, name: 'Zloty' },
  { code: 'PYG', exponent: 0, name: 'Guarani' },
  { code: 'QAR', exponent: 2, name: 'Qatari Rial' },
  { code: 'RON', exponent: 2, name: 'Romanian Leu' },
  { code: 'RSD', exponent: 2, name: 'Serbian Dinar' },
  { code: 'RUB', exponent: 2, name: 'Russian Ruble' },
  { code: 'RWF', exponent: 0, name: 'Rwanda Franc' },
  { code: 'SAR', exponent: 2, name: 'Saudi Riyal' },
  { code: 'SBD', exponent: 2, name: 'Solomon Islands Dollar' },
  { code: 'SCR', exponent: 2, name: 'Seychelles Rupee' },
  { code: 'SDG', exponent: 2, name: 'Sudanese Pound' },
  { code: 'SEK', exponent: 2, name: 'Swedish Krona' },
  { code: 'SGD', exponent: 2, name: 'Singapore Dollar' },
  { code: 'SHP', exponent: 2, name: 'Saint Helena Pound' },
  { code: 'SLE', exponent: 2, name: 'Leone' },
  { code: 'SOS', exponent: 2, name: 'Somali Shilling' },
  { code: 'SRD', exponent: 2, name: 'Surinam Dollar' },
  { code: 'SSP', exponent: 2, name: 'South Sudanese Pound' },
  { code: 'STN', exponent: 2, name: 'Dobra' },
  { code: 'SVC', exponent: 2, name: 'El Salvador Colon' },
  { code: 'SYP', exponent: 2, name: 'Syrian Pound' },
  { code: 'SZL', exponent: 2, name: 'Lilangeni' },
  { code: 'THB', exponent: 2, name: 'Baht' },
  { code: 'TJS', exponent: 2, name: 'Somoni' },
  { code: 'TMT', exponent: 2, name: 'Turkmenistan New Manat' },
  { code: 'TND', exponent: 3, name: 'Tunisian Dinar' },
  { code: 'TOP', exponent: 2, name: 'Pa’anga' },
  { code: 'TRY', exponent: 2, name: 'Turkish Lira' },
  { code: 'TTD', exponent: 2, name: 'Trinidad and Tobago Dollar' },
  { code: 'TWD', exponent: 2, name: 'New Taiwan Dollar' },
  { code: 'TZS', exponent: 2, name: 'Tanzanian Shilling' },
  { code: 'UAH', exponent: 2, name: 'Hryvnia' },
  { code: 'UGX', exponent: 0, name: 'Uganda Shilling' },
  { code: 'USD', exponent: 2, name: 'US Dollar' },
  { code: 'USN', exponent: 2, name: 'US Dollar (Next day)' },
  { code: 'UYI', exponent: 0, name: 'Uruguay Peso en Unidades Indexadas (UI)' },
  { code: 'UYU', exponent: 2, name: 'Peso Uruguayo' },
  { code: 'UYW', exponent: 4, name: 'Unidad Previsional' },
  { code: 'UZS', exponent: 2, name: 'Uzbekistan Sum' },
  { code: 'VED', exponent: 2, name: 'Bolívar Soberano' },
  { code: 'VES', exponent: 2, name: 'Bolívar Soberano' },
  { code: 'VND', exponent: 0, name: 'Dong' },
  { code: 'VUV', exponent: 0, name: 'Vatu' },
  { code: 'WST', exponent: 2, name: 'Tala' },
  { code: 'XAF', exponent: 0, name: 'CFA Franc BEAC' },
  { code: 'XCD', exponent: 2, name: 'East Caribbean Dollar' },
  { code: 'XCG', exponent: 2, name: 'Caribbean Guilder' },
  { code: 'XOF', exponent: 0, name: 'CFA Franc BCEAO' },
  { code: 'XPF', exponent: 0, name: 'CFP Franc' },
  { code: 'YER', exponent: 2, name: 'Yemeni Rial' },
  { code: 'ZAR', exponent: 2, name: 'Rand' },
  { code: 'ZMW', exponent: 2, name: 'Zambian Kwacha' },
  { code: 'ZWG', exponent: 2, name: 'Zimbabwe Gold' },
] as const satisfies readonly CurrencyRecord[];

/** Withdrawn since 2018, or being phased out, with their successor. */
// prettier-ignore
export const REPLACED_CURRENCIES = [
  { code: 'ANG', exponent: 2, name: 'Netherlands Antillean Guilder', replacedBy: 'XCG' },
  { code: 'CUC', exponent: 2, name: 'Peso Convertible', replacedBy: 'CUP' },
  { code: 'HRK', exponent: 2, name: 'Kuna', replacedBy: 'EUR' },
  { code: 'MRO', exponent: 2, name: 'Ouguiya', replacedBy: 'MRU' },
  { code: 'SLL', exponent: 2, name: 'Leone', replacedBy: 'SLE' },
  { code: 'STD', exponent: 2, name: 'Dobra', replacedBy: 'STN' },
  { code: 'VEF', exponent: 2, name: 'Bolívar', replacedBy: 'VES' },
  { code: 'ZWL', exponent: 2, name: 'Zimbabwe Dollar', replacedBy: 'ZWG' },
] as const satisfies readonly CurrencyRecord[];

export type ActiveCurrencyCode = (typeof ACTIVE_CURRENCIES)[number]['code'];
export type CurrencyCode = ActiveCurrencyCode | (typeof REPLACED_CURRENCIES)[number]['code'];

export const CURRENCIES: readonly CurrencyRecord[] = [...ACTIVE_CURRENCIES, ...REPLACED_CURRENCIES];
export const CURRENCY_CODES: readonly CurrencyCode[] = CURRENCIES.map((c) => c.code as CurrencyCode);

const BY_CODE: ReadonlyMap<string, CurrencyRecord> = new Map(CURRENCIES.map((c) => [c.code, c]));

/** True for an upper-case ISO 4217 code Lantern can hold money in (active or recently replaced). Exact: no trimming, no case folding. */
export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && BY_CODE.has(value);
}

/** True only for codes currently in ISO 4217 List One. */
export function isActiveCurrencyCode(value: unknown): value is ActiveCurrencyCode {
  return typeof value === 'string' && BY_CODE.has(value) && BY_CODE.get(value)!.replacedBy === undefined;
}

export function getCurrency(code: string): CurrencyRecord | undefined {
  return BY_CODE.get(code);
}

/**
 * The minor-unit exponent of a currency (JPY 0, USD 2, KWD 3, CLF 4).
 * Returns undefined for an unknown code; see `isCurrencyCode`.
 */
export function currencyExponent(code: CurrencyCode): number;
export function currencyExponent(code: string): number | undefined;
export function currencyExponent(code: string): number | undefined {
  return BY_CODE.get(code)?.exponent;
}
