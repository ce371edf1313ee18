/* eslint-disable */
// A deliberately insecure Electron main process. scripts/security-scan.ts must FAIL on it: the
// electronegativity test proves the scan still catches what it is meant to catch.
const { app, BrowserWindow } = require('electron');

app.whenReady().then(() => {
  const win = new BrowserWindow({
    webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false, sandbox: false, webviewTag: true },
  });
  win.loadURL('http://example.com/');
});
