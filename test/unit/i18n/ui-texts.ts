/** Every literal text the renderer passes to t(), found by reading the source as a translator would. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CALL = /(?<![\w$.])t\(\s*(?:'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)"|`((?:\\.|[^`\\$])*)`)/g;

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(svelte|ts)$/.test(entry.name) ? [path] : [];
  });
}

export interface UiText {
  text: string;
  file: string;
}

export function uiTexts(root: string): UiText[] {
  const found: UiText[] = [];
  for (const file of sourceFiles(root)) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(CALL)) {
      const raw = match[1] ?? match[2] ?? match[3];
      if (raw !== undefined) found.push({ text: unescape(raw), file });
    }
  }
  return found;
}
