const DAY_MS = 86_400_000;

/** Whole days from `at` until the certificate's notAfter (negative once expired), or null without a readable date. */
export function certDaysLeft(notAfter: string | null, at: Date): number | null {
  const end = notAfter === null ? NaN : Date.parse(notAfter);
  return Number.isNaN(end) ? null : Math.floor((end - at.getTime()) / DAY_MS);
}
