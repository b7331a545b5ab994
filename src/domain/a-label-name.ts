import { type Tr46Options, toASCII } from 'tr46';

// UTS #46 non-transitional mapping, as for user input, but lenient about what is not IDNA's business here:
// a "*" label (MX patterns) and the DNS length limits (the matchers judge the labels themselves).
const MAPPING: Tr46Options = {
  checkBidi: true,
  checkHyphens: false,
  checkJoiners: true,
  transitionalProcessing: false,
  useSTD3ASCIIRules: false,
  verifyDNSLength: false,
};

/**
 * A name with U-labels (`mx.ñaca.com`) in its A-label form (`mx.xn--aca-6ma.com`), so both spellings of one name
 * compare equal. An ASCII name, or one IDNA cannot map, is returned unchanged.
 */
export function aLabelName(name: string): string {
  if (!/[^\x00-\x7f]/.test(name)) return name;
  return toASCII(name, MAPPING) ?? name;
}
