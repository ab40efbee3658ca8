import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../src-main/electron/window-options';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs', { devTools: false });

  it('isolates the page from Node and Electron', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('opens at 1280x800 and never smaller than 1024x700', () => {
    expect(options).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 700 });
  });
});
