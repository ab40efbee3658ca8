import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  isAllowedSessionRequest,
  isAppUrl,
  isRouteRequest,
  resolveAppPath,
} from '../../../src-main/electron/app-url';

const root = resolve('/opt/kliniki/dist-renderer');

describe('resolveAppPath', () => {
  it('maps app://kliniki paths to files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://kliniki/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://kliniki/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, 'app://kliniki/assets/a%20b.css')).toBe(join(root, 'assets', 'a b.css'));
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveAppPath(root, 'app://kliniki/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://kliniki')).toBe(join(root, 'index.html'));
  });

  it('ignores query strings and fragments', () => {
    expect(resolveAppPath(root, 'app://kliniki/index.html?x=1#/patients')).toBe(join(root, 'index.html'));
  });

  it('refuses every way of climbing out of the renderer folder', () => {
    const attempts = [
      'app://kliniki/../../etc/passwd',
      'app://kliniki/%2e%2e/%2e%2e/etc/passwd',
      'app://kliniki/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://kliniki/..%2F..%2Fdb-key',
      'app://kliniki/..%5c..%5cdb-key',
      'app://kliniki/assets%5c..%5c..%5cdb-key',
      'app://kliniki/%2e%2e%2fkliniki.db',
      'app://kliniki/index.html%00.png',
      'app://kliniki/%E0%A4%A',
    ];
    for (const url of attempts) {
      const path = resolveAppPath(root, url);
      // The URL parser collapses plain `..` at the root; whatever remains must stay inside.
      if (path !== null) expect(path.startsWith(`${root}/`), url).toBe(true);
    }
    expect(resolveAppPath(root, 'app://kliniki/..%2F..%2Fdb-key')).toBeNull();
    expect(resolveAppPath(root, 'app://kliniki/..%5c..%5cdb-key')).toBeNull();
    expect(resolveAppPath(root, 'app://kliniki/index.html%00.png')).toBeNull();
  });

  it('refuses other hosts, other schemes and garbage', () => {
    expect(resolveAppPath(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'app://kliniki.evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'https://kliniki/index.html')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
  });
});

describe('isAppUrl', () => {
  it('accepts only our origin', () => {
    expect(isAppUrl('app://kliniki/index.html')).toBe(true);
    expect(isAppUrl('app://kliniki/#/patients/1')).toBe(true);
    expect(isAppUrl('https://example.invalid/')).toBe(false);
    expect(isAppUrl('app://kliniki.example.invalid/')).toBe(false);
    expect(isAppUrl('app://other/')).toBe(false);
    expect(isAppUrl('javascript:alert(1)')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});

describe('isAllowedSessionRequest', () => {
  it('lets the page load its own files and inline data only', () => {
    expect(isAllowedSessionRequest('app://kliniki/assets/x.js')).toBe(true);
    expect(isAllowedSessionRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedSessionRequest('blob:app://kliniki/1234')).toBe(true);
    expect(isAllowedSessionRequest('https://example.invalid/')).toBe(false);
    expect(isAllowedSessionRequest('http://127.0.0.1:8080/fhir')).toBe(false);
    expect(isAllowedSessionRequest('ws://127.0.0.1/')).toBe(false);
    expect(isAllowedSessionRequest('file:///etc/passwd')).toBe(false);
    expect(isAllowedSessionRequest('blob:https://example.invalid/1')).toBe(false);
  });
});

describe('responses', () => {
  it('sends JavaScript with a JavaScript type so module scripts run', () => {
    expect(contentTypeFor('/x/index-abc.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });

  it('treats extensionless paths as client routes', () => {
    expect(isRouteRequest('/r/patients')).toBe(true);
    expect(isRouteRequest('/r/app.js')).toBe(false);
  });

  it('has a CSP that forbids foreign scripts, plugins, framing and network', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });
});
