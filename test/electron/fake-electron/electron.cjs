/**
 * A stand-in for Electron, just large enough to run the built main process under plain Node,
 * plus a driver that, once the window loads, plays the renderer's part: it calls the app://
 * handler and the IPC handler as Chromium would, fires navigation and window.open, and writes
 * what happened to $FAKE_ELECTRON_REPORT. Nothing here pretends to be Chromium's security; it
 * checks that main wires its own rules to the right hooks.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS stand-in for Electron, which is CommonJS itself */
const { EventEmitter } = require('node:events');
const { writeFileSync } = require('node:fs');

const report = { errors: [], dialogs: [], exits: [], windows: [], checks: {} };
const ipcHandlers = new Map();
const protocolHandlers = new Map();
let permissionHandler = null;
let beforeRequest = null;

function finish(code) {
  report.exits.push(code);
  writeFileSync(process.env.FAKE_ELECTRON_REPORT, JSON.stringify(report, null, 2));
  process.exit(code);
}

class FakeApp extends EventEmitter {
  constructor() {
    super();
    this.isPackaged = false;
    this.paths = { userData: process.env.FAKE_ELECTRON_USER_DATA };
  }
  enableSandbox() {
    report.checks.sandboxEnabledBeforeReady = !this.ready;
  }
  setPath(name, value) {
    this.paths[name] = value;
  }
  getPath(name) {
    return this.paths[name];
  }
  getAppPath() {
    return process.env.FAKE_ELECTRON_APP_PATH;
  }
  getVersion() {
    return '0.1.0-test';
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return new Promise((resolve) => setTimeout(() => ((this.ready = true), resolve()), 10));
  }
  quit() {
    this.emit('will-quit');
    finish(0);
  }
  exit(code) {
    finish(code);
  }
}
const app = new FakeApp();

class FakeWebContents extends EventEmitter {
  constructor() {
    super();
    this.mainFrame = { url: 'app://kliniki/index.html', processId: 4, routingId: 1, parent: null };
    this.openHandler = null;
  }
  isDestroyed() {
    return false;
  }
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
  send() {}
}

let nextId = 1;
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.id = nextId++;
    this.options = options;
    this.webContents = new FakeWebContents();
    report.windows.push({ options });
    app.emit('web-contents-created', {}, this.webContents);
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  show() {}
  focus() {}
  restore() {}
  loadURL(url) {
    report.checks.loadedUrl = url;
    setTimeout(
      () =>
        drive(this).catch((error) => {
          report.errors.push(String(error && error.stack ? error.stack : error));
          finish(2);
        }),
      0,
    );
    return Promise.resolve();
  }
  static getAllWindows() {
    return [];
  }
}

async function drive(win) {
  const checks = report.checks;
  checks.privilegedSchemes = protocol.privileged;
  checks.beforeRequestRegistered = beforeRequest !== null;

  // The page and its files, as Chromium would request them.
  const serve = protocolHandlers.get('app');
  const index = await serve(new Request('app://kliniki/index.html'));
  checks.index = {
    status: index.status,
    csp: index.headers.get('content-security-policy'),
    type: index.headers.get('content-type'),
  };
  const escape = await serve(new Request('app://kliniki/..%2F..%2Fpackage.json'));
  checks.traversalStatus = escape.status;
  const route = await serve(new Request('app://kliniki/patients/123'));
  checks.routeFallback = { status: route.status, type: route.headers.get('content-type') };

  // IPC from our main frame, from an iframe, and from another frame entirely.
  const handler = ipcHandlers.get('kliniki:invoke');
  const contents = win.webContents;
  const event = (senderFrame, sender = contents) => ({ sender, senderFrame });
  checks.status = await handler(event(contents.mainFrame), 'app:get-status', {});
  checks.unknownChannel = await handler(event(contents.mainFrame), 'fs:read-file', {});
  checks.fromIframe = await handler(
    event({ url: 'app://kliniki/index.html', processId: 4, routingId: 9, parent: contents.mainFrame }),
    'app:get-status',
    {},
  );
  checks.nullFrame = await handler(event(null), 'app:get-status', {});
  checks.foreignOrigin = await handler(
    event({ url: 'https://example.invalid/', processId: 4, routingId: 1, parent: null }),
    'app:get-status',
    {},
  );
  checks.otherContents = await handler(event(contents.mainFrame, new FakeWebContents()), 'app:get-status', {});

  // Navigation, redirects, window.open, webviews, permissions, network.
  const prevented = (name, url) => {
    let was = false;
    contents.emit(name, { url, preventDefault: () => (was = true) });
    return was;
  };
  checks.navigateAwayPrevented = prevented('will-navigate', 'https://example.invalid/');
  checks.navigateInsidePrevented = prevented('will-navigate', 'app://kliniki/index.html');
  checks.redirectAwayPrevented = prevented('will-redirect', 'https://example.invalid/');
  checks.webviewPrevented = prevented('will-attach-webview', undefined);
  checks.windowOpen = contents.openHandler ? contents.openHandler({ url: 'https://example.invalid/' }) : null;
  checks.permission = await new Promise((resolve) => permissionHandler(contents, 'media', resolve, {}));
  checks.networkCancelled = await new Promise((resolve) =>
    beforeRequest({ url: 'https://example.invalid/x' }, (answer) => resolve(answer.cancel)),
  );
  checks.ownFileCancelled = await new Promise((resolve) =>
    beforeRequest({ url: 'app://kliniki/assets/x.js' }, (answer) => resolve(answer.cancel)),
  );
  app.quit();
}

const protocol = {
  privileged: null,
  registerSchemesAsPrivileged(schemes) {
    protocol.privileged = { schemes, beforeReady: !app.ready };
  },
  handle(scheme, handler) {
    protocolHandlers.set(scheme, handler);
  },
};

const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      permissionHandler = handler;
    },
    setPermissionCheckHandler() {},
    setDevicePermissionHandler() {},
    webRequest: {
      onBeforeRequest(handler) {
        beforeRequest = handler;
      },
    },
  },
};

const ipcMain = {
  handle(channel, handler) {
    ipcHandlers.set(channel, handler);
  },
  removeHandler(channel) {
    ipcHandlers.delete(channel);
  },
};

const dialog = {
  showErrorBox(title, content) {
    report.dialogs.push({ title, content });
  },
};

/** Reversible "wrapping" so a key saved in one run opens in the next, like a real keystore. */
const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text) => Buffer.from(`fake-wrapped:${text}`),
  decryptString(buffer) {
    const text = buffer.toString();
    if (!text.startsWith('fake-wrapped:')) throw new Error('Error while decrypting the ciphertext');
    return text.slice('fake-wrapped:'.length);
  },
};

exports.app = app;
exports.BrowserWindow = BrowserWindow;
exports.dialog = dialog;
exports.ipcMain = ipcMain;
exports.protocol = protocol;
exports.safeStorage = safeStorage;
exports.session = session;
exports.report = report;
