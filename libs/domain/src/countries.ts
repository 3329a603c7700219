/**
 * Countries: ISO 3166-1 alpha-2 / alpha-3 codes with English short names.
 *
 * Source: ISO 3166-1 (as published by the ISO 3166 Maintenance Agency and
 * mirrored by Debian's `iso-codes` package, version 4.15). All 249 officially
 * assigned alpha-2 codes are listed, plus `XK` (Kosovo), which ISO 3166-1 leaves
 * "user-assigned" but which the EU, the IMF, the World Bank and the US State
 * Department use; it is flagged `userAssigned: true`.
 *
 * `name` is the ISO English short name (comma form, e.g. "Iran, Islamic
 * Republic of"); `commonName` is the short form used in running text and
 * reports where ISO's is awkward ("Iran"); `officialName` is ISO's full form.
 *
 * The canonical value everywhere in Lantern (database `char(2)`, API, imports)
 * is the upper-case alpha-2 code. Use `normalizeCountry` to turn free-text
 * input (codes, names, aliases from US government lists) into that code.
 */

export interface CountryRecord {
  /** ISO 3166-1 alpha-2, upper case. */
  readonly alpha2: string;
  /** ISO 3166-1 alpha-3, upper case (`XKX` for Kosovo, the de-facto code used by the EU and IMF). */
  readonly alpha3: string;
  /** ISO 3166-1 English short name. */
  readonly name: string;
  /** Shorter everyday name where ISO's short name is awkward (e.g. "Bolivia"). */
  readonly commonName?: string;
  /** ISO 3166-1 full name where it differs from the short name. */
  readonly officialName?: string;
  /** True for codes in the ISO user-assigned range (only `XK`). */
  readonly userAssigned?: true;
}

// prettier-ignore
export const COUNTRIES = [
  { alpha2: 'AD', alpha3: 'AND', name: 'Andorra', officialName: 'Principality of Andorra' },
  { alpha2: 'AE', alpha3: 'ARE', name: 'United Arab Emirates' },
  { alpha2: 'AF', alpha3: 'AFG', name: 'Afghanistan', officialName: 'Islamic Republic of Afghanistan' },
  { alpha2: 'AG', alpha3: 'ATG', name: 'Antigua and Barbuda' },
  { alpha2: 'AI', alpha3: 'AIA', name: 'Anguilla' },
  { alpha2: 'AL', alpha3: 'ALB', name: 'Albania', officialName: 'Republic of Albania' },
  { alpha2: 'AM', alpha3: 'ARM', name: 'Armenia', officialName: 'Republic of Armenia' },
  { alpha2: 'AO', alpha3: 'AGO', name: 'Angola', officialName: 'Republic of Angola' },
  { alpha2: 'AQ', alpha3: 'ATA', name: 'Antarctica' },
  { alpha2: 'AR', alpha3: 'ARG', name: 'Argentina', officialName: 'Argentine Republic' },
  { alpha2: 'AS', alpha3: 'ASM', name: 'American Samoa' },
  { alpha2: 'AT', alpha3: 'AUT', name: 'Austria', officialName: 'Republic of Austria' },
  { alpha2: 'AU', alpha3: 'AUS', name: 'Australia' },
  { alpha2: 'AW', alpha3: 'ABW', name: 'Aruba' },
  { alpha2: 'AX', alpha3: 'ALA', name: 'Åland Islands' },
  { alpha2: 'AZ', alpha3: 'AZE', name: 'Azerbaijan', officialName: 'Republic of Azerbaijan' },
  { alpha2: 'BA', alpha3: 'BIH', name: 'Bosnia and Herzegovina', officialName: 'Republic of Bosnia and Herzegovina' },
  { alpha2: 'BB', alpha3: 'BRB', name: 'Barbados' },
  { alpha2: 'BD', alpha3: 'BGD', name: 'Bangladesh', officialName: 'People\'s Republic of Bangladesh' },
  { alpha2: 'BE', alpha3: 'BEL', name: 'Belgium', officialName: 'Kingdom of Belgium' },
  { alpha2: 'BF', alpha3: 'BFA', name: 'Burkina Faso' },
  { alpha2: 'BG', alpha3: 'BGR', name: 'Bulgaria', officialName: 'Republic of Bulgaria' },
  { alpha2: 'BH', alpha3: 'BHR', name: 'Bahrain', officialName: 'Kingdom of Bahrain' },
  { alpha2: 'BI', alpha3: 'BDI', name: 'Burundi', officialName: 'Republic of Burundi' },
  { alpha2: 'BJ', alpha3: 'BEN', name: 'Benin', officialName: 'Republic of Benin' },
  { alpha2: 'BL', alpha3: 'BLM', name: 'Saint Barthélemy' },
  { alpha2: 'BM', alpha3: 'BMU', name: 'Bermuda' },
  { alpha2: 'BN', alpha3: 'BRN', name: 'Brunei Darussalam', commonName: 'Brunei' },
  { alpha2: 'BO', alpha3: 'BOL', name: 'Bolivia, Plurinational State of', commonName: 'Bolivia', officialName: 'Plurinational State of Bolivia' },
  { alpha2: 'BQ', alpha3: 'BES', name: 'Bonaire, Sint Eustatius and Saba' },
  { alpha2: 'BR', alpha3: 'BRA', name: 'Brazil', officialName: 'Federative Republic of Brazil' },
  { alpha2: 'BS', alpha3: 'BHS', name: 'Bahamas', officialName: 'Commonwealth of the Bahamas' },
  { alpha2: 'BT', alpha3: 'BTN', name: 'Bhutan', officialName: 'Kingdom of Bhutan' },
  { alpha2: 'BV', alpha3: 'BVT', name: 'Bouvet Island' },
  { alpha2: 'BW', alpha3: 'BWA', name: 'Botswana', officialName: 'Republic of Botswana' },
  { alpha2: 'BY', alpha3: 'BLR', name: 'Belarus', officialName: 'Republic of Belarus' },
  { alpha2: 'BZ', alpha3: 'BLZ', name: 'Belize' },
  { alpha2: 'CA', alpha3: 'CAN', name: 'Canada' },
  { alpha2: 'CC', alpha3: 'CCK', name: 'Cocos (Keeling) Islands' },
  { alpha2: 'CD', alpha3: 'COD', name: 'Congo, the Democratic Republic of the', commonName: 'Democratic Republic of the Congo' },
  { alpha2: 'CF', alpha3: 'CAF', name: 'Central African Republic' },
  { alpha2: 'CG', alpha3: 'COG', name: 'Congo', commonName: 'Republic of the Congo' },
  { alpha2: 'CH', alpha3: 'CHE', name: 'Switzerland', officialName: 'Swiss Confederation' },
  { alpha2: 'CI', alpha3: 'CIV', name: 'Côte d\'Ivoire', officialName: 'Republic of Côte d\'Ivoire' },
  { alpha2: 'CK', alpha3: 'COK', name: 'Cook Islands' },
  { alpha2: 'CL', alpha3: 'CHL', name: 'Chile', officialName: 'Republic of Chile' },
  { alpha2: 'CM', alpha3: 'CMR', name: 'Cameroon', officialName: 'Republic of Cameroon' },
  { alpha2: 'CN', alpha3: 'CHN', name: 'China', officialName: 'People\'s Republic of China' },
  { alpha2: 'CO', alpha3: 'COL', name: 'Colombia', officialName: 'Republic of Colombia' },
  { alpha2: 'CR', alpha3: 'CRI', name: 'Costa Rica', officialName: 'Republic of Costa Rica' },
  { alpha2: 'CU', alpha3: 'CUB', name: 'Cuba', officialName: 'Republic of Cuba' },
  { alpha2: 'CV', alpha3: 'CPV', name: 'Cabo Verde', officialName: 'Republic of Cabo Verde' },
  { alpha2: 'CW', alpha3: 'CUW', name: 'Curaçao' },
  { alpha2: 'CX', alpha3: 'CXR', name: 'Christmas Island' },
  { alpha2: 'CY', alpha3: 'CYP', name: 'Cyprus', officialName: 'Republic of Cyprus' },
  { alpha2: 'CZ', alpha3: 'CZE', name: 'Czechia', officialName: 'Czech Republic' },
  { alpha2: 'DE', alpha3: 'DEU', name: 'Germany', officialName: 'Federal Republic of Germany' },
  { alpha2: 'DJ', alpha3: 'DJI', name: 'Djibouti', officialName: 'Republic of Djibouti' },
  { alpha2: 'DK', alpha3: 'DNK', name: 'Denmark', officialName: 'Kingdom of Denmark' },
  { alpha2: 'DM', alpha3: 'DMA', name: 'Dominica', officialName: 'Commonwealth of Dominica' },
  { alpha2: 'DO', alpha3: 'DOM', name: 'Dominican Republic' },
  { alpha2: 'DZ', alpha3: 'DZA', name: 'Algeria', officialName: 'People\'s Democratic Republic of Algeria' },
  { alpha2: 'EC', alpha3: 'ECU', name: 'Ecuador', officialName: 'Republic of Ecuador' },
  { alpha2: 'EE', alpha3: 'EST', name: 'Estonia', officialName: 'Republic of Estonia' },
  { alpha2: 'EG', alpha3: 'EGY', name: 'Egypt', officialName: 'Arab Republic of Egypt' },
  { alpha2: 'EH', alpha3: 'ESH', name: 'Western Sahara' },
  { alpha2: 'ER', alpha3: 'ERI', name: 'Eritrea', officialName: 'the State of Eritrea' },
  { alpha2: 'ES', alpha3: 'ESP', name: 'Spain', officialName: 'Kingdom of Spain' },
  { alpha2: 'ET', alpha3: 'ETH', name: 'Ethiopia', officialName: 'Federal Democratic Republic of Ethiopia' },
  { alpha2: 'FI', alpha3: 'FIN', name: 'Finland', officialName: 'Republic of Finland' },
  { alpha2: 'FJ', alpha3: 'FJI', name: 'Fiji', officialName: 'Republic of Fiji' },
  { alpha2: 'FK', alpha3: 'FLK', name: 'Falkland Islands (Malvinas)', commonName: 'Falkland Islands' },
  { alpha2: 'FM', alpha3: 'FSM', name: 'Micronesia, Federated States of', commonName: 'Micronesia', officialName: 'Federated States of Micronesia' },
  { alpha2: 'FO', alpha3: 'FRO', name: 'Faroe Islands' },
  { alpha2: 'FR', alpha3: 'FRA', name: 'France', officialName: 'French Republic' },
  { alpha2: 'GA', alpha3: 'GAB', name: 'Gabon', officialName: 'Gabonese Republic' },
  { alpha2: 'GB', alpha3: 'GBR', name: 'United Kingdom', officialName: 'United Kingdom of Great Britain and Northern Ireland' },
  { alpha2: 'GD', alpha3: 'GRD', name: 'Grenada' },
  { alpha2: 'GE', alpha3: 'GEO', name: 'Georgia' },
  { alpha2: 'GF', alpha3: 'GUF', name: 'French Guiana' },
  { alpha2: 'GG', alpha3: 'GGY', name: 'Guernsey' },
  { alpha2: 'GH', alpha3: 'GHA', name: 'Ghana', officialName: 'Republic of Ghana' },
  { alpha2: 'GI', alpha3: 'GIB', name: 'Gibraltar' },
  { alpha2: 'GL', alpha3: 'GRL', name: 'Greenland' },
  { alpha2: 'GM', alpha3: 'GMB', name: 'Gambia', officialName: 'Republic of the Gambia' },
  { alpha2: 'GN', alpha3: 'GIN', name: 'Guinea', officialName: 'Republic of Guinea' },
  { alpha2: 'GP', alpha3: 'GLP', name: 'Guadeloupe' },
  { alpha2: 'GQ', alpha3: 'GNQ', name: 'Equatorial Guinea', officialName: 'Republic of Equatorial Guinea' },
  { alpha2: 'GR', alpha3: 'GRC', name: 'Greece', officialName: 'Hellenic Republic' },
  { alpha2: 'GS', alpha3: 'SGS', name: 'South Georgia and the South Sandwich Islands' },
  { alpha2: 'GT', alpha3: 'GTM', name: 'Guatemala', officialName: 'Republic of Guatemala' },
  { alpha2: 'GU', alpha3: 'GUM', name: 'Guam' },
  { alpha2: 'GW', alpha3: 'GNB', name: 'Guinea-Bissau', officialName: 'Republic of Guinea-Bissau' },
  { alpha2: 'GY', alpha3: 'GUY', name: 'Guyana', officialName: 'Republic of Guyana' },
  { alpha2: 'HK', alpha3: 'HKG', name: 'Hong Kong', officialName: 'Hong Kong Special Administrative Region of China' },
  { alpha2: 'HM', alpha3: 'HMD', name: 'Heard Island and McDonald Islands' },
  { alpha2: 'HN', alpha3: 'HND', name: 'Honduras', officialName: 'Republic of Honduras' },
  { alpha2: 'HR', alpha3: 'HRV', name: 'Croatia', officialName: 'Republic of Croatia' },
  { alpha2: 'HT', alpha3: 'HTI', name: 'Haiti', officialName: 'Republic of Haiti' },
  { alpha2: 'HU', alpha3: 'HUN', name: 'Hungary' },
  { alpha2: 'ID', alpha3: 'IDN', name: 'Indonesia', officialName: 'Republic of Indonesia' },
  { alpha2: 'IE', alpha3: 'IRL', name: 'Ireland' },
  { alpha2: 'IL', alpha3: 'ISR', name: 'Israel', officialName: 'State of Israel' },
  { alpha2: 'IM', alpha3: 'IMN', name: 'Isle of Man' },
  { alpha2: 'IN', alpha3: 'IND', name: 'India', officialName: 'Republic of India' },
  { alpha2: 'IO', alpha3: 'IOT', name: 'British Indian Ocean Territory' },
  { alpha2: 'IQ', alpha3: 'IRQ', name: 'Iraq', officialName: 'Republic of Iraq' },
  { alpha2: 'IR', alpha3: 'IRN', name: 'Iran, Islamic Republic of', commonName: 'Iran', officialName: 'Islamic Republic of Iran' },
  { alpha2: 'IS', alpha3: 'ISL', name: 'Iceland', officialName: 'Republic of Iceland' },
  { alpha2: 'IT', alpha3: 'ITA', name: 'Italy', officialName: 'Italian Republic' },
  { alpha2: 'JE', alpha3: 'JEY', name: 'Jersey' },
  { alpha2: 'JM', alpha3: 'JAM', name: 'Jamaica' },
  { alpha2: 'JO', alpha3: 'JOR', name: 'Jordan', officialName: 'Hashemite Kingdom of Jordan' },
  { alpha2: 'JP', alpha3: 'JPN', name: 'Japan' },
  { alpha2: 'KE', alpha3: 'KEN', name: 'Kenya', officialName: 'Republic of Kenya' },
  { alpha2: 'KG', alpha3: 'KGZ', name: 'Kyrgyzstan', officialName: 'Kyrgyz Republic' },
  { alpha2: 'KH', alpha3: 'KHM', name: 'Cambodia', officialName: 'Kingdom of Cambodia' },
  { alpha2: 'KI', alpha3: 'KIR', name: 'Kiribati', officialName: 'Republic of Kiribati' },
  { alpha2: 'KM', alpha3: 'COM', name: 'Comoros', officialName: 'Union of the Comoros' },
  { alpha2: 'KN', alpha3: 'KNA', name: 'Saint Kitts and Nevis' },
  { alpha2: 'KP', alpha3: 'PRK', name: 'Korea, Democratic People\'s Republic of', commonName: 'North Korea', officialName: 'Democratic People\'s Republic of Korea' },
  { alpha2: 'KR', alpha3: 'KOR', name: 'Korea, Republic of', commonName: 'South Korea' },
  { alpha2: 'KW', alpha3: 'KWT', name: 'Kuwait', officialName: 'State of Kuwait' },
  { alpha2: 'KY', alpha3: 'CYM', name: 'Cayman Islands' },
  { alpha2: 'KZ', alpha3: 'KAZ', name: 'Kazakhstan', officialName: 'Republic of Kazakhstan' },
  { alpha2: 'LA', alpha3: 'LAO', name: 'Lao People\'s Democratic Republic', commonName: 'Laos' },
  { alpha2: 'LB', alpha3: 'LBN', name: 'Lebanon', officialName: 'Lebanese Republic' },
  { alpha2: 'LC', alpha3: 'LCA', name: 'Saint Lucia' },
  { alpha2: 'LI', alpha3: 'LIE', name: 'Liechtenstein', officialName: 'Principality of Liechtenstein' },
  { alpha2: 'LK', alpha3: 'LKA', name: 'Sri Lanka', officialName: 'Democratic Socialist Republic of Sri Lanka' },
  { alpha2: 'LR', alpha3: 'LBR', name: 'Liberia', officialName: 'Republic of Liberia' },
  { alpha2: 'LS', alpha3: 'LSO', name: 'Lesotho', officialName: 'Kingdom of Lesotho' },
  { alpha2: 'LT', alpha3: 'LTU', name: 'Lithuania', officialName: 'Republic of Lithuania' },
  { alpha2: 'LU', alpha3: 'LUX', name: 'Luxembourg', officialName: 'Grand Duchy of Luxembourg' },
  { alpha2: 'LV', alpha3: 'LVA', name: 'Latvia', officialName: 'Republic of Latvia' },
  { alpha2: 'LY', alpha3: 'LBY', name: 'Libya' },
  { alpha2: 'MA', alpha3: 'MAR', name: 'Morocco', officialName: 'Kingdom of Morocco' },
  { alpha2: 'MC', alpha3: 'MCO', name: 'Monaco', officialName: 'Principality of Monaco' },
  { alpha2: 'MD', alpha3: 'MDA', name: 'Moldova, Republic of', commonName: 'Moldova', officialName: 'Republic of Moldova' },
  { alpha2: 'ME', alpha3: 'MNE', name: 'Montenegro' },
  { alpha2: 'MF', alpha3: 'MAF', name: 'Saint Martin (French part)', commonName: 'Saint Martin' },
  { alpha2: 'MG', alpha3: 'MDG', name: 'Madagascar', officialName: 'Republic of Madagascar' },
  { alpha2: 'MH', alpha3: 'MHL', name: 'Marshall Islands', officialName: 'Republic of the Marshall Islands' },
  { alpha2: 'MK', alpha3: 'MKD', name: 'North Macedonia', officialName: 'Republic of North Macedonia' },
  { alpha2: 'ML', alpha3: 'MLI', name: 'Mali', officialName: 'Republic of Mali' },
  { alpha2: 'MM', alpha3: 'MMR', name: 'Myanmar', officialName: 'Republic of Myanmar' },
  { alpha2: 'MN', alpha3: 'MNG', name: 'Mongolia' },
  { alpha2: 'MO', alpha3: 'MAC', name: 'Macao', officialName: 'Macao Special Administrative Region of China' },
  { alpha2: 'MP', alpha3: 'MNP', name: 'Northern Mariana Islands', officialName: 'Commonwealth of the Northern Mariana Islands' },
  { alpha2: 'MQ', alpha3: 'MTQ', name: 'Martinique' },
  { alpha2: 'MR', alpha3: 'MRT', name: 'Mauritania', officialName: 'Islamic Republic of Mauritania' },
  { alpha2: 'MS', alpha3: 'MSR', name: 'Montserrat' },
  { alpha2: 'MT', alpha3: 'MLT', name: 'Malta', officialName: 'Republic of Malta' },
  { alpha2: 'MU', alpha3: 'MUS', name: 'Mauritius', officialName: 'Republic of Mauritius' },
  { alpha2: 'MV', alpha3: 'MDV', name: 'Maldives', officialName: 'Republic of Maldives' },
  { alpha2: 'MW', alpha3: 'MWI', name: 'Malawi', officialName: 'Republic of Malawi' },
  { alpha2: 'MX', alpha3: 'MEX', name: 'Mexico', officialName: 'United Mexican States' },
  { alpha2: 'MY', alpha3: 'MYS', name: 'Malaysia' },
  { alpha2: 'MZ', alpha3: 'MOZ', name: 'Mozambique', officialName: 'Republic of Mozambique' },
  { alpha2: 'NA', alpha3: 'NAM', name: 'Namibia', officialName: 'Republic of Namibia' },
  { alpha2: 'NC', alpha3: 'NCL', name: 'New Caledonia' },
  { alpha2: 'NE', alpha3: 'NER', name: 'Niger', officialName: 'Republic of the Niger' },
  { alpha2: 'NF', alpha3: 'NFK', name: 'Norfolk Island' },
  { alpha2: 'NG', alpha3: 'NGA', name: 'Nigeria', officialName: 'Federal Republic of Nigeria' },
  { alpha2: 'NI', alpha3: 'NIC', name: 'Nicaragua', officialName: 'Republic of Nicaragua' },
  { alpha2: 'NL', alpha3: 'NLD', name: 'Netherlands', officialName: 'Kingdom of the Netherlands' },
  { alpha2: 'NO', alpha3: 'NOR', name: 'Norway', officialName: 'Kingdom of Norway' },
  { alpha2: 'NP', alpha3: 'NPL', name: 'Nepal', officialName: 'Federal Democratic Republic of Nepal' },
  { alpha2: 'NR', alpha3: 'NRU', name: 'Nauru', officialName: 'Republic of Nauru' },
  { alpha2: 'NU', alpha3: 'NIU', name: 'Niue' },
  { alpha2: 'NZ', alpha3: 'NZL', name: 'New Zealand' },
  { alpha2: 'OM', alpha3: 'OMN', name: 'Oman', officialName: 'Sultanate of Oman' },
  { alpha2: 'PA', alpha3: 'PAN', name: 'Panama', officialName: 'Republic of Panama' },
  { alpha2: 'PE', alpha3: 'PER', name: 'Peru', officialName: 'Republic of Peru' },
  { alpha2: 'PF', alpha3: 'PYF', name: 'French Polynesia' },
  { alpha2: 'PG', alpha3: 'PNG', name: 'Papua New Guinea', officialName: 'Independent State of Papua New Guinea' },
  { alpha2: 'PH', alpha3: 'PHL', name: 'Philippines', officialName: 'Republic of the Philippines' },
  { alpha2: 'PK', alpha3: 'PAK', name: 'Pakistan', officialName: 'Islamic Republic of Pakistan' },
  { alpha2: 'PL', alpha3: 'POL', name: 'Poland', officialName: 'Republic of Poland' },
  { alpha2: 'PM', alpha3: 'SPM', name: 'Saint Pierre and Miquelon' },
  { alpha2: 'PN', alpha3: 'PCN', name: 'Pitcairn' },
  { alpha2: 'PR', alpha3: 'PRI', name: 'Puerto Rico' },
  { alpha2: 'PS', alpha3: 'PSE', name: 'Palestine, State of', commonName: 'Palestine', officialName: 'the State of Palestine' },
  { alpha2: 'PT', alpha3: 'PRT', name: 'Portugal', officialName: 'Portuguese Republic' },
  { alpha2: 'PW', alpha3: 'PLW', name: 'Palau', officialName: 'Republic of Palau' },
  { alpha2: 'PY', alpha3: 'PRY', name: 'Paraguay', officialName: 'Republic of Paraguay' },
  { alpha2: 'QA', alpha3: 'QAT', name: 'Qatar', officialName: 'State of Qatar' },
  { alpha2: 'RE', alpha3: 'REU', name: 'Réunion' },
  { alpha2: 'RO', alpha3: 'ROU', name: 'Romania' },
  { alpha2: 'RS', alpha3: 'SRB', name: 'Serbia', officialName: 'Republic of Serbia' },
  { alpha2: 'RU', alpha3: 'RUS', name: 'Russian Federation', commonName: 'Russia' },
  { alpha2: 'RW', alpha3: 'RWA', name: 'Rwanda', officialName: 'Rwandese Republic' },
  { alpha2: 'SA', alpha3: 'SAU', name: 'Saudi Arabia', officialName: 'Kingdom of Saudi Arabia' },
  { alpha2: 'SB', alpha3: 'SLB', name: 'Solomon Islands' },
  { alpha2: 'SC', alpha3: 'SYC', name: 'Seychelles', officialName: 'Republic of Seychelles' },
  { alpha2: 'SD', alpha3: 'SDN', name: 'Sudan', officialName: 'Republic of the Sudan' },
  { alpha2: 'SE', alpha3: 'SWE', name: 'Sweden', officialName: 'Kingdom of Sweden' },
  { alpha2: 'SG', alpha3: 'SGP', name: 'Singapore', officialName: 'Republic of Singapore' },
  { alpha2: 'SH', alpha3: 'SHN', name: 'Saint Helena, Ascension and Tristan da Cunha', commonName: 'Saint Helena' },
  { alpha2: 'SI', alpha3: 'SVN', name: 'Slovenia', officialName: 'Republic of Slovenia' },
  { alpha2: 'SJ', alpha3: 'SJM', name: 'Svalbard and Jan Mayen' },
  { alpha2: 'SK', alpha3: 'SVK', name: 'Slovakia', officialName: 'Slovak Republic' },
  { alpha2: 'SL', alpha3: 'SLE', name: 'Sierra Leone', officialName: 'Republic of Sierra Leone' },
  { alpha2: 'SM', alpha3: 'SMR', name: 'San Marino', officialName: 'Republic of San Marino' },
  { alpha2: 'SN', alpha3: 'SEN', name: 'Senegal', officialName: 'Republic of Senegal' },
  { alpha2: 'SO', alpha3: 'SOM', name: 'Somalia', officialName: 'Federal Republic of Somalia' },
  { alpha2: 'SR', alpha3: 'SUR', name: 'Suriname', officialName: 'Republic of Suriname' },
  { alpha2: 'SS', alpha3: 'SSD', name: 'South Sudan', officialName: 'Republic of South Sudan' },
  { alpha2: 'ST', alpha3: 'STP', name: 'Sao Tome and Principe', officialName: 'Democratic Republic of Sao Tome and Principe' },
  { alpha2: 'SV', alpha3: 'SLV', name: 'El Salvador', officialName: 'Republic of El Salvador' },
  { alpha2: 'SX', alpha3: 'SXM', name: 'Sint Maarten (Dutch part)', commonName: 'Sint Maarten' },
  { alpha2: 'SY', alpha3: 'SYR', name: 'Syrian Arab Republic', commonName: 'Syria' },
  { alpha2: 'SZ', alpha3: 'SWZ', name: 'Eswatini', officialName: 'Kingdom of Eswatini' },
  { alpha2: 'TC', alpha3: 'TCA', name: 'Turks and Caicos Islands' },
  { alpha2: 'TD', alpha3: 'TCD', name: 'Chad', officialName: 'Republic of Chad' },
  { alpha2: 'TF', alpha3: 'ATF', name: 'French Southern Territories' },
  { alpha2: 'TG', alpha3: 'TGO', name: 'Togo', officialName: 'Togolese Republic' },
  { alpha2: 'TH', alpha3: 'THA', name: 'Thailand', officialName: 'Kingdom of Thailand' },
  { alpha2: 'TJ', alpha3: 'TJK', name: 'Tajikistan', officialName: 'Republic of Tajikistan' },
  { alpha2: 'TK', alpha3: 'TKL', name: 'Tokelau' },
  { alpha2: 'TL', alpha3: 'TLS', name: 'Timor-Leste', officialName: 'Democratic Republic of Timor-Leste' },
  { alpha2: 'TM', alpha3: 'TKM', name: 'Turkmenistan' },
  { alpha2: 'TN', alpha3: 'TUN', name: 'Tunisia', officialName: 'Republic of Tunisia' },
  { alpha2: 'TO', alpha3: 'TON', name: 'Tonga', officialName: 'Kingdom of Tonga' },
  { alpha2: 'TR', alpha3: 'TUR', name: 'Türkiye', officialName: 'Republic of Türkiye' },
  { alpha2: 'TT', alpha3: 'TTO', name: 'Trinidad and Tobago', officialName: 'Republic of Trinidad and Tobago' },
  { alpha2: 'TV', alpha3: 'TUV', name: 'Tuvalu' },
  { alpha2: 'TW', alpha3: 'TWN', name: 'Taiwan, Province of China', commonName: 'Taiwan' },
  { alpha2: 'TZ', alpha3: 'TZA', name: 'Tanzania, United Republic of', commonName: 'Tanzania', officialName: 'United Republic of Tanzania' },
  { alpha2: 'UA', alpha3: 'UKR', name: 'Ukraine' },
  { alpha2: 'UG', alpha3: 'UGA', name: 'Uganda', officialName: 'Republic of Uganda' },
  { alpha2: 'UM', alpha3: 'UMI', name: 'United States Minor Outlying Islands' },
  { alpha2: 'US', alpha3: 'USA', name: 'United States', officialName: 'United States of America' },
  { alpha2: 'UY', alpha3: 'URY', name: 'Uruguay', officialName: 'Eastern Republic of Uruguay' },
  { alpha2: 'UZ', alpha3: 'UZB', name: 'Uzbekistan', officialName: 'Republic of Uzbekistan' },
  { alpha2: 'VA', alpha3: 'VAT', name: 'Holy See (Vatican City State)', commonName: 'Vatican City' },
  { alpha2: 'VC', alpha3: 'VCT', name: 'Saint Vincent and the Grenadines' },
  { alpha2: 'VE', alpha3: 'VEN', name: 'Venezuela, Bolivarian Republic of', commonName: 'Venezuela', officialName: 'Bolivarian Republic of Venezuela' },
  { alpha2: 'VG', alpha3: 'VGB', name: 'Virgin Islands, British', commonName: 'British Virgin Islands' },
  { alpha2: 'VI', alpha3: 'VIR', name: 'Virgin Islands, U.S.', commonName: 'U.S. Virgin Islands', officialName: 'Virgin Islands of the United States' },
  { alpha2: 'VN', alpha3: 'VNM', name: 'Viet Nam', commonName: 'Vietnam', officialName: 'Socialist Republic of Viet Nam' },
  { alpha2: 'VU', alpha3: 'VUT', name: 'Vanuatu', officialName: 'Republic of Vanuatu' },
  { alpha2: 'WF', alpha3: 'WLF', name: 'Wallis and Futuna' },
  { alpha2: 'WS', alpha3: 'WSM', name: 'Samoa', officialName: 'Independent State of Samoa' },
  { alpha2: 'XK', alpha3: 'XKX', name: 'Kosovo', officialName: 'Republic of Kosovo', userAssigned: true },
  { alpha2: 'YE', alpha3: 'YEM', name: 'Yemen', officialName: 'Republic of Yemen' },
  { alpha2: 'YT', alpha3: 'MYT', name: 'Mayotte' },
  { alpha2: 'ZA', alpha3: 'ZAF', name: 'South Africa', officialName: 'Republic of South Africa' },
  { alpha2: 'ZM', alpha3: 'ZMB', name: 'Zambia', officialName: 'Republic of Zambia' },
  { alpha2: 'ZW', alpha3: 'ZWE', name: 'Zimbabwe', officialName: 'Republic of Zimbabwe' },
] as const satisfies readonly CountryRecord[];

/** Upper-case ISO 3166-1 alpha-2 code known to Lantern (the 249 assigned codes plus `XK`). */
export type CountryCode = (typeof COUNTRIES)[number]['alpha2'];

export const COUNTRY_CODES: readonly CountryCode[] = COUNTRIES.map((c) => c.alpha2);

const BY_ALPHA2: ReadonlyMap<string, CountryRecord> = new Map(COUNTRIES.map((c) => [c.alpha2, c]));
const BY_ALPHA3: ReadonlyMap<string, CountryRecord> = new Map(COUNTRIES.map((c) => [c.alpha3, c]));

/**
 * Codes that are not ISO 3166-1 assignments but are unambiguous in practice.
 * `UK` and `EL` are ISO "exceptionally reserved" codes (the EU uses them for the
 * United Kingdom and Greece); `KOS` is a three-letter code some datasets use for
 * Kosovo (e.g. the 1999-2015 TIP tier file in shared/data/reference; the EU and
 * IMF use `XKX`, which is Kosovo's `alpha3` here).
 */
const CODE_ALIASES: Readonly<Record<string, CountryCode>> = {
  UK: 'GB',
  EL: 'GR',
  KOS: 'XK',
};

/**
 * Other spellings, in any case / accents / punctuation (they go through
 * `countryNameKey` like the input does). Sources: US government lists (State
 * Department TIP report, DOL TVPRA list, EO 13126 list), World Bank and UN
 * naming, and older ISO names that still appear in datasets. Every entry is an
 * unambiguous name of exactly one country. Ambiguous input ("Korea") is
 * deliberately absent; bare "Congo" keeps ISO's meaning (CG, Republic of the Congo).
 *
 * To add an alias: add it here and a row to the table in countries.spec.ts. A
 * name that already maps to another code makes the module throw at load time.
 */
const NAME_ALIASES: Readonly<Record<string, readonly string[]>> = {
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  BA: ['Bosnia-Herzegovina'],
  BN: ['Brunei'],
  BO: ['Bolivia', 'Bolivia (Plurinational State of)', 'Boliva' /* misspelling in the DOL EO 13126 list (2014) */],
  BQ: ['Caribbean Netherlands', 'Bonaire'],
  BS: ['Bahamas, The'],
  CD: [
    'Democratic Republic of the Congo',
    'Democratic Republic of Congo',
    'Congo, Democratic Republic of the',
    'Congo, Dem. Rep.',
    'Congo (Kinshasa)',
    'Congo-Kinshasa',
    'DR Congo',
    'DRC',
    'Zaire',
  ],
  CG: ['Republic of the Congo', 'Republic of Congo', 'Congo, Republic of the', 'Congo, Rep.', 'Congo (Brazzaville)', 'Congo-Brazzaville'],
  CI: ['Ivory Coast'],
  CV: ['Cape Verde'],
  CZ: ['Czech Republic'],
  EG: ['Egypt, Arab Rep.'],
  FK: ['Falkland Islands'],
  FM: ['Micronesia', 'Micronesia, Fed. Sts.'],
  GB: ['UK', 'U.K.', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
  GM: ['Gambia, The'],
  HK: ['Hong Kong SAR', 'Hong Kong SAR, China', 'Hong Kong, China'],
  IR: ['Iran', 'Iran, Islamic Rep.', 'Iran (Islamic Republic of)'],
  KG: ['Kyrgyz Republic', 'Kirgizstan'],
  KP: [
    'North Korea',
    'Korea, North',
    'Korea (North)',
    'DPRK',
    "Democratic People's Republic of Korea",
    "Korea, Dem. People's Rep.",
    "Korea (Democratic People's Republic of)",
  ],
  KR: ['South Korea', 'Korea, South', 'Korea (South)', 'Republic of Korea', 'Korea, Rep.', 'Korea (Republic of)'],
  LA: ['Laos', 'Lao PDR', 'Lao'],
  LY: ['Libyan Arab Jamahiriya'],
  MD: ['Moldova', 'Moldova (Republic of)'],
  MF: ['Saint Martin', 'Saint-Martin'],
  MK: [
    'Macedonia',
    'North Macedonia',
    'Macedonia, the former Yugoslav Republic of',
    'The former Yugoslav Republic of Macedonia',
    'Macedonia, FYR',
    'FYROM',
  ],
  MM: ['Burma', 'Myanmar (Burma)'],
  MO: ['Macau', 'Macao SAR', 'Macao SAR, China', 'Macau, China'],
  NL: ['Holland', 'Netherlands (Kingdom of the)'],
  PS: [
    'Palestine',
    'State of Palestine',
    'West Bank',
    'Gaza',
    'Gaza Strip',
    'West Bank and Gaza',
    'Palestinian Territories',
    'Palestinian Territory',
    'Occupied Palestinian Territory',
  ],
  RU: ['Russia'],
  SH: ['Saint Helena'],
  SK: ['Slovak Republic'],
  SX: ['Sint Maarten'],
  SY: ['Syria'],
  SZ: ['Swaziland', 'Eswatini'],
  TJ: ['Tajikstan' /* misspelling in the DOL EO 13126 list (2014) */],
  TL: ['East Timor'],
  TR: ['Turkey', 'Turkiye', 'Republic of Turkey'],
  TW: ['Taiwan', 'Chinese Taipei', 'Taiwan (Province of China)'],
  TZ: ['Tanzania', 'Tanzania (United Republic of)'],
  US: ['USA', 'U.S.A.', 'U.S.', 'United States', 'United States of America'],
  VA: ['Vatican', 'Vatican City', 'Holy See'],
  VE: ['Venezuela', 'Venezuela, RB', 'Venezuela (Bolivarian Republic of)'],
  VG: ['Virgin Islands (British)'],
  VI: ['US Virgin Islands', 'U.S. Virgin Islands', 'Virgin Islands (U.S.)'],
  VN: ['Vietnam', 'Viet Nam'],
  XK: ['Republic of Kosovo'],
  YE: ['Yemen, Rep.'],
};

/**
 * The comparison key for country names: Unicode compatibility-normalised,
 * accents removed, lower case, `&` read as "and", apostrophes dropped
 * ("Côte d'Ivoire" and "Cote D'Ivoire" both give "cote divoire"), every other
 * punctuation run read as a space, "st" read as "saint", a leading or trailing
 * "the" dropped ("The Gambia", "Gambia, The"), and runs of single letters
 * joined ("U.S.A." gives "usa").
 */
export function countryNameKey(input: string): string {
  const words = input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => (w === 'st' ? 'saint' : w));
  if (words[0] === 'the') words.shift();
  if (words.length > 0 && words[words.length - 1] === 'the') words.pop();
  // Join runs of single letters: "u s a" -> "usa", "u s virgin islands" -> "us virgin islands".
  const joined: string[] = [];
  let letters = '';
  for (const w of words) {
    if (w.length === 1 && /[a-z]/.test(w)) {
      letters += w;
      continue;
    }
    if (letters !== '') joined.push(letters);
    letters = '';
    joined.push(w);
  }
  if (letters !== '') joined.push(letters);
  return joined.join(' ');
}

function buildNameIndex(): ReadonlyMap<string, CountryCode> {
  const index = new Map<string, CountryCode>();
  const add = (name: string, code: CountryCode): void => {
    const key = countryNameKey(name);
    const existing = index.get(key);
    if (existing !== undefined && existing !== code) {
      throw new Error(`countries: name "${name}" maps to both ${existing} and ${code}`);
    }
    index.set(key, code);
  };
  for (const c of COUNTRIES as readonly CountryRecord[]) {
    const code = c.alpha2 as CountryCode;
    add(c.name, code);
    if (c.commonName !== undefined) add(c.commonName, code);
    if (c.officialName !== undefined) add(c.officialName, code);
  }
  for (const [code, names] of Object.entries(NAME_ALIASES)) {
    if (!BY_ALPHA2.has(code)) throw new Error(`countries: alias table names unknown code ${code}`);
    for (const name of names) add(name, code as CountryCode);
  }
  return index;
}

const NAME_INDEX = buildNameIndex();

/** True for an upper-case alpha-2 code in the table (the 249 ISO assignments and `XK`). Exact: no trimming, no case folding. */
export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === 'string' && BY_ALPHA2.has(value);
}

/** The table entry for an upper-case alpha-2 code, or undefined. */
export function getCountry(code: string): CountryRecord | undefined {
  return BY_ALPHA2.get(code);
}

/**
 * English name of a country code. `style: 'iso'` (default) gives the ISO short
 * name ("Bolivia, Plurinational State of"); `'common'` gives the everyday name
 * where one is recorded ("Bolivia"), else the ISO short name.
 */
export function countryName(code: CountryCode, style?: 'iso' | 'common'): string;
export function countryName(code: string, style?: 'iso' | 'common'): string | undefined;
export function countryName(code: string, style: 'iso' | 'common' = 'iso'): string | undefined {
  const c = BY_ALPHA2.get(code);
  if (c === undefined) return undefined;
  return style === 'common' ? (c.commonName ?? c.name) : c.name;
}

/**
 * Resolve free-text country input to its upper-case alpha-2 code, or null.
 *
 * Accepts, after trimming: alpha-2 codes in any case (`cn`, ` CN `), alpha-3
 * codes in any case (`CHN`), the `UK`/`EL`/`KOS` aliases, and names in any
 * case, accents and punctuation: ISO short, common and official names plus the
 * alias spellings in `NAME_ALIASES` (US government list spellings such as
 * "Burma", "Kyrgyz Republic", "Boliva"). Anything else returns null: this never
 * guesses (no fuzzy matching, no prefix matching).
 *
 * Caution: two-letter input is read as a code, so an R/pandas missing-value
 * marker `NA` resolves to Namibia. Treat missing values before calling this.
 */
export function normalizeCountry(input: string): CountryCode | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.normalize('NFKC').trim();
  if (trimmed === '') return null;
  if (/^[A-Za-z]{2,3}$/.test(trimmed)) {
    const upper = trimmed.toUpperCase();
    const byCode = upper.length === 2 ? BY_ALPHA2.get(upper) : BY_ALPHA3.get(upper);
    if (byCode !== undefined) return byCode.alpha2 as CountryCode;
    const alias = CODE_ALIASES[upper];
    if (alias !== undefined) return alias;
    // Fall through: some three-letter inputs are names or aliases ("UAE", "Lao").
  }
  return NAME_INDEX.get(countryNameKey(trimmed)) ?? null;
}
