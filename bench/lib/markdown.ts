/** A Markdown table; the first `leftColumns` columns are left-aligned, the rest right-aligned. */
export function table(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  leftColumns = 1,
): string {
  const align = header.map((_, index) => (index < leftColumns ? ':---' : '---:'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
