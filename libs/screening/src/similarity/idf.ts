import { foldText } from '../normalize/fold.js';
import { skeleton } from '../normalize/skeleton.js';
import { boundedEditDistance } from './edit-distance.js';
import { jaroWinkler } from './jaro-winkler.js';

/**
 * Inverse document frequency of name tokens, with a background prior.
 *
 * A list of twenty names says little about which words are common in company
 * names; a list of a million says a lot. The prior is a pseudo-corpus of
 * PRIOR_DOCUMENTS names in which the words below occur at the given share
 * (trade words such as "Textile", "Trading", "International"; place words
 * common in supplier names). Each index blends its own counts with the prior:
 *
 *   idf(t) = ln((N + P + 1) / (df(t) + P * prior(t) + 1))
 *
 * so a small list inherits sensible weights and a large list's own counts
 * dominate. A word never seen anywhere gets the largest weight.
 */
export const PRIOR_DOCUMENTS = 100_000;

const VERY_COMMON = 0.05;
const COMMON = 0.02;
const FREQUENT = 0.008;

const PRIOR_WORDS: ReadonlyArray<readonly [number, string]> = [
  [VERY_COMMON, 'trading international industries industry industrial group holdings holding global enterprises enterprise services service import export general'],
  [
    COMMON,
    'textile textiles garment garments apparel manufacturing manufacturer manufacturers development construction engineering technology technologies solutions ' +
      'logistics agro agricultural agriculture food foods products product supply supplies investment investments resources energy mining metal metals steel ' +
      'electronics electronic electrical electric chemical chemicals pharmaceutical pharmaceuticals plastics plastic packaging paper fashion knitting knitwear ' +
      'spinning weaving dyeing fabrics fabric cotton leather footwear shoes seafood fishing fisheries marine shipping transport recruitment manpower agency ' +
      'agencies consultancy consultants consulting overseas employment labour labor human staffing workforce commercial business partners associates sons brothers ' +
      'mills mill factory works company corporation processing plant estate estates cooperative branch office division unit ' +
      'sea food fish hand products production producers supplier suppliers distribution distributors wholesale retail marketing',
  ],
  [
    FREQUENT,
    'asia asian pacific east west north south china chinese india indian bangladesh vietnam thai thailand malaysia euro europe european america american ' +
      'africa african national united new golden gold star sun sunrise royal great first best green blue silver diamond dragon lotus ocean city world universal ' +
      'modern prime standard central eastern western northern southern orient oriental atlantic mega smart top super premier unique quality excel excellent ' +
      'trust union alliance home house land link line net network plus pro power tech trade traders hub center centre park point way ' +
      'hua xin da tian hong sheng long jin mei guang zhong fu feng hai shan xing yuan an de li tai kang ming bao heng cheng ' +
      'xinjiang shenzhen guangzhou dongguan shanghai beijing ningbo yiwu zhejiang jiangsu fujian shandong hebei henan hubei ' +
      'keji maoyi fangzhi fuzhuang shiye jituan zhiye dhaka chittagong karachi lahore delhi mumbai chennai tiruppur bangalore ' +
      'jakarta bangkok hanoi saigon manila kuala lumpur penang istanbul cairo nairobi lagos mexico sao paulo ' +
      // name particles
      'de des du la le les del della di da do dos das van von der den al el bin binti ibn',
  ],
];

function buildPrior(): Map<string, number> {
  const prior = new Map<string, number>();
  for (const [share, words] of PRIOR_WORDS) {
    for (const w of words.split(/\s+/)) {
      if (w === '') continue;
      const key = skeleton(foldText(w));
      prior.set(key, Math.max(prior.get(key) ?? 0, share));
    }
  }
  return prior;
}

const PRIOR = buildPrior();

/** Prior words by first letter, for the misspelling lookup. */
const PRIOR_BY_INITIAL = new Map<string, string[]>();
for (const key of PRIOR.keys()) PRIOR_BY_INITIAL.set(key[0]!, [...(PRIOR_BY_INITIAL.get(key[0]!) ?? []), key]);

/**
 * The prior word a token is a misspelling of (one edit, or two with a
 * Jaro-Winkler similarity of at least 0.93; same first letter), or null. "Knitware" is weighed as "Knitwear": a typo
 * in a common word must not make it the rarest word of the name.
 */
export function priorNeighbour(tokenSkeleton: string): string | null {
  if (tokenSkeleton.length < 4) return null;
  for (const w of PRIOR_BY_INITIAL.get(tokenSkeleton[0]!) ?? []) {
    const edits = boundedEditDistance(tokenSkeleton, w, 2);
    if (edits <= 1 || (edits === 2 && jaroWinkler(tokenSkeleton, w) >= 0.93)) return w;
  }
  return null;
}

/** Prior share of names containing the token (by skeleton); 0 for words not in the prior. */
export function priorShare(tokenSkeleton: string): number {
  return PRIOR.get(tokenSkeleton) ?? 0;
}

/** The blended IDF of a token that occurs in `df` of the index's `documents` names. Never below 0.5. */
export function blendedIdf(tokenSkeleton: string, df: number, documents: number): number {
  const idf = Math.log((documents + PRIOR_DOCUMENTS + 1) / (df + PRIOR_DOCUMENTS * priorShare(tokenSkeleton) + 1));
  return Math.max(0.5, idf);
}
