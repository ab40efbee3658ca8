/** French: English source text → French. Placeholders in braces stay as they are. */
export const fr: Record<string, string> = {};
