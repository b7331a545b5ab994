/** Days until the certificate expires, in a few words: "cert 45 days left", "cert expires today", "cert expired 2 days ago". */
export function certDaysText(days: number): string {
  if (days < 0) return `cert expired ${-days} ${days === -1 ? 'day' : 'days'} ago`;
  if (days === 0) return 'cert expires today';
  return `cert ${days} ${days === 1 ? 'day' : 'days'} left`;
}
