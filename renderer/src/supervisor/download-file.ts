// Offers an export the core wrote (and sent back as base64) as a browser download, so the web
// host needs no file route and Electron no save dialog.
import type { ExportFile } from '../../../shared/retention';

export function downloadExport(file: ExportFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
