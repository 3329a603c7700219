/**
 * Legal-form words and their long forms, by canonical code. Phrases are written
 * as they appear in names (any script, any case, with or without dots) and are
 * folded through the same pipeline as the names at module load, so the
 * Cyrillic and Greek long forms are matched after transliteration exactly as a
 * name containing them is.
 *
 * `edgeOnly` phrases are also ordinary words or very short ("AS", "Co", "SA",
 * "PT", "AG"): they are removed only at the start or end of a name. The others
 * are removed wherever they stand.
 */
export interface LegalFormDefinition {
  code: string;
  phrases: readonly string[];
  edgeOnly?: readonly string[];
}

export const LEGAL_FORM_DEFINITIONS: readonly LegalFormDefinition[] = [
  // English-speaking and common-law jurisdictions
  { code: 'ltd', phrases: ['Ltd', 'Limited', 'Ltd.'] },
  { code: 'co_ltd', phrases: ['Co Ltd', 'Co., Ltd.', 'Company Limited', 'Co Limited', 'Coy Ltd'] },
  { code: 'private_ltd', phrases: ['Private Limited', 'Pvt Ltd', 'Pvt. Ltd.', 'Pvt', '(P) Ltd', '(Pvt.) Ltd.', 'Pte Ltd', 'Pte. Ltd.', 'Pte', 'Pty Ltd', 'Pty', 'Proprietary Limited'] },
  { code: 'plc', phrases: ['PLC', 'Public Limited Company', 'P.L.C.'] },
  { code: 'llc', phrases: ['LLC', 'L.L.C.', 'Limited Liability Company', 'Limited Liability Co'] },
  { code: 'llp', phrases: ['LLP', 'Limited Liability Partnership'] },
  { code: 'lp', phrases: ['Limited Partnership'], edgeOnly: ['LP'] },
  { code: 'inc', phrases: ['Inc', 'Inc.', 'Incorporated'] },
  { code: 'corp', phrases: ['Corp', 'Corp.', 'Corporation'] },
  { code: 'co', phrases: ['Company'], edgeOnly: ['Co', 'Co.', 'Coy', 'Cie', 'Compagnie', '& Co', 'and Co'] },
  { code: 'jv', phrases: [], edgeOnly: ['JV'] },
  // German-speaking
  { code: 'gmbh', phrases: ['GmbH', 'Gesellschaft mit beschränkter Haftung', 'mbH', 'GmbH & Co KG', 'GmbH & Co. KG', 'UG (haftungsbeschränkt)'] },
  { code: 'ag', phrases: ['Aktiengesellschaft'], edgeOnly: ['AG'] },
  { code: 'kg', phrases: ['Kommanditgesellschaft', 'OHG', 'Offene Handelsgesellschaft'], edgeOnly: ['KG', 'UG', 'e.V.', 'eG'] },
  // French, Spanish, Portuguese, Italian, Romanian
  { code: 'sa', phrases: ['Société anonyme', 'Sociedad anónima', 'Sociedade anónima', 'Sociedade anônima', 'Societate pe acțiuni', 'Sociedad Anónima Cerrada'], edgeOnly: ['SA', 'S.A.', 'SAC', 'S.A.C.'] },
  { code: 'sas', phrases: ['Société par actions simplifiée', 'SASU'], edgeOnly: ['SAS'] },
  { code: 'sarl', phrases: ['SARL', 'S.à r.l.', 'Société à responsabilité limitée', 'EURL'] },
  { code: 'srl', phrases: ['SRL', 'S.R.L.', 'Società a responsabilità limitata', 'Sociedad de responsabilidad limitada', 'Societatea cu răspundere limitată', 'S. de R.L.'] },
  { code: 'spa', phrases: ['Società per azioni', 'S.p.A.'], edgeOnly: ['SpA'] },
  { code: 'sl', phrases: ['Sociedad limitada', 'S.L.U.'], edgeOnly: ['SL', 'S.L.'] },
  { code: 'ltda', phrases: ['Ltda', 'Ltda.', 'Limitada', 'Lda', 'Lda.', 'EIRELI', 'E.I.R.L.'] },
  { code: 'sa_de_cv', phrases: ['S.A. de C.V.', 'SA de CV', 'S.A.B. de C.V.', 'S. de R.L. de C.V.', 'Sociedad Anónima de Capital Variable'], edgeOnly: ['CV', 'C.V.'] },
  // Benelux, Nordics
  { code: 'bv', phrases: ['Besloten vennootschap'], edgeOnly: ['BV', 'B.V.', 'BVBA'] },
  { code: 'nv', phrases: ['Naamloze vennootschap'], edgeOnly: ['NV', 'N.V.'] },
  { code: 'ab', phrases: ['Aktiebolag', 'Aktiebolaget'], edgeOnly: ['AB'] },
  { code: 'as', phrases: ['Aksjeselskap', 'Aktieselskab', 'ASA', 'ApS', 'Anpartsselskab'], edgeOnly: ['AS', 'A/S'] },
  { code: 'oy', phrases: ['Osakeyhtiö', 'Oyj'], edgeOnly: ['Oy'] },
  // Central and Eastern Europe
  { code: 'sp_z_oo', phrases: ['Sp. z o.o.', 'Spółka z ograniczoną odpowiedzialnością', 'Spółka akcyjna'] },
  { code: 'sro', phrases: ['s.r.o.', 'spol. s r.o.', 'společnost s ručením omezeným', 'Akciová společnost'] },
  { code: 'kft', phrases: ['Kft', 'Kft.', 'Korlátolt felelősségű társaság', 'Zrt', 'Nyrt', 'Bt.'] },
  { code: 'doo', phrases: ['d.o.o.', 'Družba z omejeno odgovornostjo', 'Društvo s ograničenom odgovornošću'] },
  { code: 'eood', phrases: ['EOOD', 'OOD', 'Дружество с ограничена отговорност', 'Еднолично дружество с ограничена отговорност'], edgeOnly: ['AD', 'EAD'] },
  { code: 'uab', phrases: ['UAB', 'Uždaroji akcinė bendrovė', 'Ribotos atsakomybės bendrovė'], edgeOnly: ['AB', 'RAB'] },
  // Russian, Ukrainian, Belarusian, Central Asian
  {
    code: 'ooo',
    phrases: [
      'OOO', 'ООО', 'Общество с ограниченной ответственностью', 'TOV', 'ТОВ', 'Товариство з обмеженою відповідальністю',
      'Таварыства з абмежаванай адказнасцю', 'Жауапкершілігі шектеулі серіктестік', 'ЖШС', 'TOO', 'ТОО', 'Товарищество с ограниченной ответственностью',
    ],
  },
  {
    code: 'jsc',
    phrases: [
      'JSC', 'OJSC', 'CJSC', 'PJSC', 'Joint Stock Company', 'Joint-Stock Company', 'Open Joint Stock Company', 'Closed Joint Stock Company',
      'Public Joint Stock Company', 'ОАО', 'ЗАО', 'ПАО', 'АО', 'OAO', 'ZAO', 'PAO', 'Акционерное общество', 'Открытое акционерное общество',
      'Закрытое акционерное общество', 'Публичное акционерное общество', 'Публічне акціонерне товариство', 'Акціонерне товариство', 'ПАТ', 'АТ',
    ],
    edgeOnly: ['AO', 'AT', 'PAT'],
  },
  { code: 'fgup', phrases: ['ФГУП', 'FGUP', 'ГУП', 'GUP', 'Федеральное государственное унитарное предприятие', 'Государственное унитарное предприятие'] },
  // Greek, Irish
  { code: 'epe', phrases: ['Εταιρία περιορισμένης ευθύνης', 'Εταιρεία περιορισμένης ευθύνης', 'ΕΠΕ', 'Ανώνυμη Εταιρεία', 'Ανώνυμη Εταιρία'], edgeOnly: ['ΑΕ', 'AE', 'EPE'] },
  { code: 'teo', phrases: ['Cuideachta theoranta', 'An chuideachta theoranta', 'Teoranta', 'Teo'] },
  // Turkey, Middle East
  { code: 'as_tr', phrases: ['Anonim Şirketi', 'Limited Şirketi', 'Ltd. Şti.', 'Ltd Şti', 'Şti'], edgeOnly: ['A.Ş.'] },
  { code: 'wll', phrases: ['W.L.L.', 'WLL', 'FZE', 'FZCO', 'FZ-LLC', 'L.L.C'] },
  // South and South-East Asia, East Asia
  { code: 'pt', phrases: ['Perseroan Terbatas', 'Tbk', 'PT Tbk'], edgeOnly: ['PT', 'P.T.', 'CV'] },
  { code: 'sdn_bhd', phrases: ['Sdn Bhd', 'Sdn. Bhd.', 'Sendirian Berhad', 'Bhd', 'Berhad'] },
  { code: 'kk', phrases: ['Kabushiki Kaisha', 'Kabushiki Gaisha', 'Godo Kaisha', 'Yugen Kaisha', 'Chusik Hoesa'], edgeOnly: ['KK', 'K.K.', 'GK'] },
  { code: 'youxian_gongsi', phrases: ['有限公司', '有限责任公司', '股份有限公司', '有限會社', '株式会社', 'Youxian Gongsi', 'Gufen Youxian Gongsi'] },
  { code: 'ms', phrases: ['Messrs', 'Messrs.'], edgeOnly: ['M/S', 'M/s', 'Ms'] },
];

/** Words carrying no identity: removed wherever they stand (unless nothing else is left). */
export const STOP_WORDS: ReadonlySet<string> = new Set(['the', 'and', 'und', 'et', 'y', 'of', 'a']);
