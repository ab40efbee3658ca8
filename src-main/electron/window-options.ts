/**
 * The main window's options. Kept apart from main.ts (and free of runtime electron imports) so
 * a unit test pins every security-relevant preference; a regression here would give page code
 * Node or the network.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface WindowChoices {
  /** Off in installed builds: the console would let anyone at the desk script the core. */
  devTools: boolean;
}

export function secureWebPreferences(preloadPath: string, choices: WindowChoices): WebPreferences {
  return {
    preload: preloadPath,
    devTools: choices.devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // The spellchecker downloads dictionaries from Google; patient names are not words anyway.
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

export function mainWindowOptions(preloadPath: string, choices: WindowChoices): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: 'Kliniki',
    // Shown once the first paint is ready, so the nurse never sees a white flash.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath, choices),
  };
}
