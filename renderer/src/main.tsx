// Entry point: the only place that reads window.api, which the host (Electron preload or the
// web host's bridge) installs before this script runs.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createDeskService } from './services/desk';
import { createDeskStores } from './store/desk-stores';
import { DeskProvider } from './store/StoresContext';

const container = document.getElementById('root');
if (!container) throw new Error('#root fehlt in index.html');

if (typeof window.api?.invoke !== 'function') {
  container.textContent = 'Diese Oberfläche läuft nur im Servicecenter Desk (Electron oder Web-Host): window.api fehlt.';
} else {
  const service = createDeskService(window.api);
  const stores = createDeskStores(service);
  createRoot(container).render(
    <StrictMode>
      <DeskProvider stores={stores} service={service}>
        <App />
      </DeskProvider>
    </StrictMode>,
  );
}
