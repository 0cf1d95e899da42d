/**
 * Currencies as budget files name them. Amounts are stored in minor units, so the exponent
 * decides how `1 234,50` becomes an integer.
 */

/**
 * Currencies whose minor unit is not used in practice: the Guinean franc has no centimes in
 * circulation, CFA francs neither; the Malagasy ariary is written without iraimbilanja in
 * public accounts.
 */
const NO_MINOR_UNIT = new Set([
  'GNF', 'XOF', 'XAF', 'MGA', 'KMF', 'BIF', 'DJF', 'RWF', 'UGX', 'XPF', 'JPY', 'KRW', 'VND',
  'CLP', 'PYG', 'ISK', 'VUV',
]); // prettier-ignore

/**
 * Digits of the minor unit: 0 for GNF, XOF, XAF, MGA and the like, 2 for the others and for a
 * code we do not know (the common case, and the one that loses no cents).
 */
export function currencyExponent(code: string): number {
  return NO_MINOR_UNIT.has(code.toUpperCase()) ? 0 : 2;
}

const MARKS: { pattern: RegExp; code: string }[] = [
  { pattern: /\bGNF\b|\bFG\b|francs? guin[ée]ens?/i, code: 'GNF' },
  { pattern: /\bF\.?\s?CFA\b|\bFCFA\b|\bXOF\b/i, code: 'XOF' },
  { pattern: /\bXAF\b/i, code: 'XAF' },
  { pattern: /\bMGA\b|\bariary\b/i, code: 'MGA' },
  { pattern: /\bKshs?\b|\bKES\b/i, code: 'KES' },
  { pattern: /R\$|\bBRL\b|\breais\b/i, code: 'BRL' },
  { pattern: /\bCZK\b|\bKč\b/i, code: 'CZK' },
  { pattern: /\bZAR\b|\brand\b/i, code: 'ZAR' },
  { pattern: /€|\bEUR\b|\beuros?\b/i, code: 'EUR' },
  { pattern: /\bUSD\b|US\$|\$/, code: 'USD' },
];

/**
 * The currency a set of texts (titles, headers, amount cells) names most often, with the text
 * that named it; null when none does. Ambiguous marks such as `$` lose to explicit codes.
 */
export function detectCurrency(texts: readonly string[]): { code: string; source: string } | null {
  const counts = new Map<string, { n: number; source: string }>();
  for (const text of texts) {
    const mark = MARKS.find((m) => m.pattern.test(text));
    if (!mark) continue;
    const seen = counts.get(mark.code);
    counts.set(mark.code, { n: (seen?.n ?? 0) + 1, source: seen?.source ?? text.trim() });
  }
  let best: { code: string; source: string; n: number } | null = null;
  for (const [code, { n, source }] of counts) {
    if (!best || n > best.n) best = { code, source, n };
  }
  return best ? { code: best.code, source: best.source } : null;
}
