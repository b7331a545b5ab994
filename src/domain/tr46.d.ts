// tr46 ships no type declarations; this covers the one function used.
declare module 'tr46' {
  export interface Tr46Options {
    checkBidi?: boolean;
    checkHyphens?: boolean;
    checkJoiners?: boolean;
    ignoreInvalidPunycode?: boolean;
    transitionalProcessing?: boolean;
    useSTD3ASCIIRules?: boolean;
    verifyDNSLength?: boolean;
  }
  /** The A-label form of a domain name, or null when UTS #46 processing reports an error. */
  export function toASCII(domainName: string, options?: Tr46Options): string | null;
}
