import { describe, expect, it } from 'vitest';
import { nextPageSize } from '../../../src-main/sync/sync-engine';

describe('adaptive pull page size', () => {
  it('halves after a page that took over 20 seconds, down to 50', () => {
    expect(nextPageSize(1000, 25_000)).toBe(500);
    expect(nextPageSize(60, 25_000)).toBe(50);
  });

  it('doubles again while pages come quickly, up to 1000', () => {
    expect(nextPageSize(250, 800)).toBe(500);
    expect(nextPageSize(1000, 800)).toBe(1000);
  });

  it('keeps the size in between, and when nothing was fetched', () => {
    expect(nextPageSize(500, 10_000)).toBe(500);
    expect(nextPageSize(500, 0)).toBe(500);
  });
});
