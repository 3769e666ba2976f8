/** "a, b and c" as the language writes it ("a、b和c" in Chinese), for lists inside a sentence. */
export function formatList(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
}
