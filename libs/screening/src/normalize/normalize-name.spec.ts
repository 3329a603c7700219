import { describe, it, expect } from '@jest/globals';
import { foldText } from './fold.js';
import { nameKey, normalizeName, stripLegalForms, tokenize } from './normalize-name.js';
import { skeleton } from './skeleton.js';

describe('foldText', () => {
  it('lower-cases, strips accents and transliterates Cyrillic and Greek', () => {
    expect(foldText('Müller Čukurdere ŁĘCZYBORSKI')).toBe('muller chukurdere leczyborski');
    expect(foldText('Общество «Интер Тобако»')).toBe('obshchestvo «inter tobako»');
    expect(foldText('Щербалова Євгенія')).toBe('shcherbalova yevgeniya');
    expect(foldText('Ναυτιλιακή Εταιρεία')).toBe('naftiliaki etaireia');
    expect(foldText('Straße Ærø')).toBe('strasse aero');
  });

  it('reads Han characters (simplified and traditional) as toneless pinyin syllables, polyphones in context', () => {
    expect(foldText('深圳天龙科技').trim()).toBe('shen zhen tian long ke ji');
    expect(foldText('寧波海豐').trim()).toBe('ning bo hai feng');
    expect(foldText('重庆银行').trim()).toBe('chong qing yin hang');
    expect(foldText('Acme 吕氏 Ltd')).toBe('acme  lu shi  ltd');
  });
});

describe('tokenize', () => {
  it('joins dotted abbreviations and runs of single letters, reads & as and', () => {
    expect(tokenize('s.p.a. fabbrica')).toEqual(['spa', 'fabbrica']);
    expect(tokenize('korvelin & co., ltd.')).toEqual(['korvelin', 'and', 'co', 'ltd']);
    expect(tokenize('a b c trading')).toEqual(['abc', 'trading']);
    expect(tokenize("o'dravenny")).toEqual(['odravenny']);
  });
});

describe('stripLegalForms', () => {
  it('removes legal forms at the end and start, long forms anywhere', () => {
    expect(stripLegalForms(['korvelin', 'textiles', 'co', 'ltd'])).toEqual({ tokens: ['korvelin', 'textiles'], legalForms: ['co_ltd'] });
    expect(stripLegalForms(['pt', 'sinar', 'jaya', 'tbk']).tokens).toEqual(['sinar', 'jaya']);
    expect(stripLegalForms(['ms', 'rahman', 'knit', 'pvt', 'ltd']).tokens).toEqual(['rahman', 'knit']);
    expect(stripLegalForms(['muller', 'gmbh', 'textil']).tokens).toEqual(['muller', 'textil']);
  });

  it('keeps ambiguous short forms inside a name and never removes everything', () => {
    expect(stripLegalForms(['sa', 'bakery', 'as', 'usual']).tokens).toEqual(['bakery', 'as', 'usual']);
    expect(stripLegalForms(['limited']).tokens).toEqual(['limited']);
  });
});

describe('normalizeName', () => {
  it('gives the same tokens for legal-form variants in several languages and scripts', () => {
    const variants = [
      'LLC “Inter Tobacco”',
      'Общество с ограниченной ответственностью “Интер Тобако”',
      'Εταιρία περιορισμένης ευθύνης “Inter Tobacco”',
      '„Inter Tobacco“, společnost s ručením omezeným',
      'Societatea cu răspundere limitată «Inter Tobacco»',
      'Sociedad de responsabilidad limitada “Inter Tobacco”',
    ];
    const keys = new Set(variants.map((v) => nameKey(normalizeName(v))));
    expect(keys).toEqual(new Set(['inter tobako']));
  });

  it('removes Han legal forms after transliteration like any other', () => {
    expect(normalizeName('深圳天龙科技有限公司')).toMatchObject({ tokens: ['shen', 'zhen', 'tian', 'long', 'ke', 'ji'], legalForms: ['youxian_gongsi'] });
    expect(normalizeName('乌鲁木齐金环纺织股份有限公司').legalForms).toEqual(['youxian_gongsi']);
  });

  it('drops stop words and reports the legal forms it removed', () => {
    const n = normalizeName('The Golden Star & Sons Fabrics Co., Ltd.');
    expect(n.tokens).toEqual(['golden', 'star', 'sons', 'fabrics']);
    expect(n.legalForms).toEqual(['co_ltd']);
  });

  it('is order-insensitive through nameKey', () => {
    expect(nameKey(normalizeName('Vorontelkin, Pyotr'))).toBe(nameKey(normalizeName('Pyotr Vorontelkin')));
  });
});

describe('skeleton', () => {
  it.each([
    ['zhuravleva', 'zjuravleva'],
    ['pyotr', 'petr'],
    ['sergeyevich', 'sergeevich'],
    ['vitaliy', 'vitalij'],
    ['tobacco', 'tobako'],
    ['textiles', 'textile'],
    ['viktor', 'victor'],
    ['shcherbalova', 'schtscherbalova'],
    ['kharkiv', 'harkiv'],
  ])('%s and %s share a skeleton', (a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
  });

  it('keeps different words apart', () => {
    expect(skeleton('eastern')).not.toBe(skeleton('western'));
    expect(skeleton('korvelin')).not.toBe(skeleton('korvanis'));
  });
});
