/** Swahili: English source text → Swahili. Placeholders in braces stay as they are. */
export const sw: Record<string, string> = {};
