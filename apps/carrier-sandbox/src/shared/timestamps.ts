/** UTC ISO-8601 with 7-digit fractions, as Starshipit writes them: `2018-11-15T01:51:49.2310000Z`. */
export function starshipitDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}
