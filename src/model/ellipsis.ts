/** Words cut to at most `n` characters, an ellipsis marking the cut. */
export function ellipsis(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s;
}
