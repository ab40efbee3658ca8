import { describe, expect, it } from 'vitest';
import { isTrustedSender, type FrameLike } from '../../../src-main/electron/sender-check';

function frame(overrides: Partial<FrameLike> = {}): FrameLike {
  return { url: 'app://kliniki/index.html', processId: 7, routingId: 1, parent: null, ...overrides };
}

describe('isTrustedSender', () => {
  it('accepts the main frame of our window showing our origin', () => {
    const main = frame();
    expect(isTrustedSender(main, main)).toBe(true);
    // Electron may give a different wrapper object for the same frame.
    expect(isTrustedSender(frame({ url: 'app://kliniki/index.html#/patients' }), frame())).toBe(true);
  });

  it('refuses a missing sender frame (navigated away or destroyed)', () => {
    expect(isTrustedSender(null, frame())).toBe(false);
    expect(isTrustedSender(undefined, frame())).toBe(false);
    expect(isTrustedSender(frame(), null)).toBe(false);
  });

  it('refuses a sub-frame, even one of our own origin', () => {
    const main = frame();
    expect(isTrustedSender(frame({ routingId: 2, parent: main }), main)).toBe(false);
    expect(isTrustedSender(frame({ parent: main }), main)).toBe(false);
  });

  it('refuses a frame of another window or process', () => {
    expect(isTrustedSender(frame({ processId: 8 }), frame())).toBe(false);
    expect(isTrustedSender(frame({ routingId: 3 }), frame())).toBe(false);
  });

  it('refuses our main frame once it shows another origin', () => {
    for (const url of [
      'https://example.invalid/',
      'app://kliniki.example.invalid/index.html',
      'app://other/index.html',
      'file:///tmp/index.html',
      'about:blank',
      '',
    ]) {
      expect(isTrustedSender(frame({ url }), frame({ url })), url).toBe(false);
    }
  });
});
