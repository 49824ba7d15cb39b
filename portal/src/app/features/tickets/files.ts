/** Reads a browser File as Base64 (without the data-URL prefix). */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Offers Base64 content as a download. */
export function downloadBase64(fileName: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** DWG/DXF have no registered browser type; name the type from the extension. */
export function drawingMimeType(file: File): string {
  const ext = file.name.split('.').pop()?.toLowerCase();
  if (ext === 'dwg') return 'image/vnd.dwg';
  if (ext === 'dxf') return 'image/vnd.dxf';
  return file.type || 'application/octet-stream';
}
