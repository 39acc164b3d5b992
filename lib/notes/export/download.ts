/**
 * Saves text as a file through the browser's download: a Blob, an object URL and a click on an
 * `<a download>`. No `downloads` permission is needed for this, and nothing leaves the computer.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  // In the document while it is clicked: Firefox ignores clicks on links that are not.
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download before the browser has read the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `credit-lens-notes-2026-01-05.json`: the reader's local date, so files sort by day. */
export function exportFileName(kind: string, extension: string, time: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
  return `credit-lens-${kind}-${day}.${extension}`;
}
