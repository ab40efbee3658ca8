/**
 * electron-builder cannot package on this machine (it downloads Electron), so the installer
 * configuration is checked the way electron-builder itself checks it before packaging: loaded
 * with getConfig and validated against its schema. Then the choices that protect patient data
 * and the nurse's work are pinned one by one.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const configPath = resolve(root, 'electron-builder.yml');

async function load(): Promise<Configuration> {
  return getConfig(root, configPath, null);
}

function targets(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const config = await load();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is really validated: a wrong type is rejected', async () => {
    const config = await load();
    const broken = { ...config, nsis: { ...config.nsis, oneClick: 'sometimes' } } as unknown as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/oneClick/);
  });

  it('names the app and packs only built output and resources', async () => {
    const config = await load();
    expect(config.appId).toBe('org.kliniki.portal');
    expect(config.productName).toBe('Kliniki');
    // getConfig normalises `files` to [{ filter: [...] }].
    const patterns = (Array.isArray(config.files) ? config.files : [config.files]).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : ((entry as { filter?: string[] } | null)?.filter ?? []),
    );
    expect(patterns).toEqual(expect.arrayContaining(['out/**', 'dist-renderer/**', 'package.json', 'resources/**']));
    expect(patterns).not.toContain('src-main/**');
  });

  it('keeps the native SQLite module outside the asar archive', async () => {
    const config = await load();
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**']));
  });

  it('makes a per-user Windows installer that lets the user choose the folder and keeps patient data on uninstall', async () => {
    const config = await load();
    expect(targets(config.win?.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('makes an AppImage and a deb in the Medical category with a maintainer', async () => {
    const config = await load();
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Medical');
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
  });

  it('publishes to a generic update feed', async () => {
    const config = await load();
    const publish = Array.isArray(config.publish) ? config.publish : [config.publish];
    const feed = publish[0] as { provider?: string; url?: string } | undefined;
    expect(feed?.provider).toBe('generic');
    expect(feed?.url).toMatch(/^https:\/\//);
  });

  it('points at icons that exist and are large enough for every target', async () => {
    const config = await load();
    expect(existsSync(resolve(root, String(config.win?.icon)))).toBe(true);
    expect(existsSync(resolve(root, String(config.linux?.icon), '512x512.png'))).toBe(true);
    expect(existsSync(resolve(root, String(config.linux?.icon), '256x256.png'))).toBe(true);
  });

  it('turns off the fuses that would let the installed app run as plain Node', async () => {
    const config = await load();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });
});
