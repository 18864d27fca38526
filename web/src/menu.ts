/** The menu entry a page belongs to: the longest entry key the path starts with. */
export function sectionOf(pathname: string, keys: readonly string[]): string {
  let best = '/';
  for (const key of keys) {
    const within = pathname === key || pathname.startsWith(`${key}/`);
    if (within && key.length > best.length) best = key;
  }
  return best;
}
