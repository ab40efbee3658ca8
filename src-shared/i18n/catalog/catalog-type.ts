/** One part's translations: English source text → French and → Swahili. */
export interface Catalog {
  fr: Record<string, string>;
  sw: Record<string, string>;
}
