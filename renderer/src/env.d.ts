// window.api is installed by the host (Electron preload or the web host's bridge).
import type { DeskApi } from '../../shared/api';

declare global {
  interface Window {
    api: DeskApi;
  }
}

export {};
