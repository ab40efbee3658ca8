// Loaded with `node --import` before the built main process: every import or require of
// 'electron' gets the fake beside this file. Node 20's module.register hooks cover ESM only,
// so CommonJS require() (electron-updater) is redirected separately.
import Module, { register } from 'node:module';
import { fileURLToPath } from 'node:url';

const fake = new URL('./electron.cjs', import.meta.url);
register(new URL('./hooks.mjs', import.meta.url), { data: { fake: fake.href } });

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'electron') return fileURLToPath(fake);
  return resolveFilename.call(this, request, ...rest);
};
