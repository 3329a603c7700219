/**
 * Text folding for name matching: Unicode compatibility form, script
 * transliteration (Cyrillic, Greek, Han) to Latin, accents removed, lower case.
 *
 * The transliteration is deliberately simple and one-way (a matching key, not
 * a romanisation standard): Cyrillic follows the common passport/BGN style
 * (х -> kh, ж -> zh, ц -> ts, щ -> shch, й -> y, ь/ъ dropped) and Greek the
 * ELOT 743 style (θ -> th, χ -> ch, ψ -> ps, β -> v, η -> i). Residual
 * differences between romanisation systems (kh/h/ch, y/j/i, ts/c/z) are
 * absorbed later by the phonetic skeleton (skeleton.ts) and by Jaro-Winkler.
 * Han characters become toneless Hanyu Pinyin syllables (hanToPinyin).
 */
import { pinyin } from 'pinyin-pro';

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'yu', я: 'ya',
  // Ukrainian, Belarusian
  є: 'ye', і: 'i', ї: 'yi', ґ: 'g', ў: 'u',
  // Serbian, Macedonian
  ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
  // Kazakh, Kyrgyz, Tajik, Uzbek (common extras)
  ә: 'a', ғ: 'g', қ: 'q', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', ҳ: 'h', ҷ: 'j', ӣ: 'i', ӯ: 'u', ҝ: 'g',
};

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o',
  π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/** Greek digraphs that read as one sound (ELOT 743). Checked before single letters. */
const GREEK_DIGRAPHS: Record<string, string> = { ου: 'ou', αι: 'ai', ει: 'ei', οι: 'oi', μπ: 'b', ντ: 'nt', γκ: 'gk' };
/** αυ, ευ, ηυ: "av/ev/iv", or "af/ef/if" before a voiceless consonant (ELOT 743). */
const GREEK_U_DIGRAPHS: Record<string, string> = { αυ: 'a', ευ: 'e', ηυ: 'i' };
const GREEK_VOICELESS = new Set(['θ', 'κ', 'ξ', 'π', 'σ', 'ς', 'τ', 'φ', 'χ', 'ψ']);

/**
 * Latin letters with a caron or acute that romanise a Cyrillic sound written
 * with a digraph elsewhere (ISO 9 / scholarly: č = ч, š = ш, ž = ж; Serbo-
 * Croatian ć): mapped before accents are stripped, so "Olegovič" meets
 * "Olegovich" and "Baltrović" meets "Baltrovich".
 */
const LATIN_DIGRAPHS: Record<string, string> = { č: 'ch', ć: 'ch', š: 'sh', ž: 'zh' };

/** Latin letters that NFKD does not decompose into base + accent. */
const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h', ŀ: 'l', ŧ: 't', ĸ: 'k', ŋ: 'n', ſ: 's',
};

function mapChar(ch: string): string {
  return CYRILLIC[ch] ?? GREEK[ch] ?? LATIN_SPECIAL[ch] ?? ch;
}

const HAN = /\p{Script=Han}+/gu;

/**
 * Han characters to toneless Hanyu Pinyin, one syllable per character,
 * separated by spaces (`新疆华孚` -> ` xin jiang hua fu `). Polyphonic
 * characters are read in context (pinyin-pro's word list). Romanised names
 * join the syllables of a word ("Xinjiang"); the name index merges adjacent
 * syllables into the words it knows (NameIndex, query views), so both forms meet.
 */
function hanToPinyin(text: string): string {
  HAN.lastIndex = 0;
  if (!HAN.test(text)) return text;
  return text.replace(HAN, (run) => ` ${pinyin(run, { toneType: 'none', type: 'array', nonZh: 'removed' }).join(' ')} `);
}

/**
 * Lower-case Latin text without accents: `"Общество «Интер Тобако»"` gives
 * `obshchestvo «inter tobako»`. Punctuation is kept (tokenisation decides what
 * it means); characters of other scripts (Han, Arabic, ...) pass through.
 */
export function foldText(input: string): string {
  // Fast path: printable ASCII needs no normalisation, only lower case.
  if (/^[\x20-\x7e]*$/.test(input)) return input.toLowerCase();
  // Lower-case first (Cyrillic/Greek capitals), then strip accents of the
  // decomposed form; Greek accents must go before the digraph lookup.
  const lowered = hanToPinyin(input.normalize('NFKC'))
    .toLowerCase()
    .replace(/[čćšž]/g, (ch) => LATIN_DIGRAPHS[ch]!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  let out = '';
  for (let i = 0; i < lowered.length; i++) {
    const pair = lowered.slice(i, i + 2);
    const u = GREEK_U_DIGRAPHS[pair];
    if (u !== undefined) {
      out += u + (GREEK_VOICELESS.has(lowered[i + 2] ?? '') || i + 2 >= lowered.length ? 'f' : 'v');
      i++;
      continue;
    }
    const digraph = GREEK_DIGRAPHS[pair];
    if (digraph !== undefined) {
      out += digraph;
      i++;
      continue;
    }
    out += mapChar(lowered[i]!);
  }
  return out;
}
