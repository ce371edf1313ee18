// Sandboxed preload: exposes exactly one object, window.api, to the page.
import { contextBridge, ipcRenderer } from 'electron';
import { createDeskApi } from './desk-api';

contextBridge.exposeInMainWorld('api', createDeskApi(ipcRenderer));
