/** Saves bytes as a file: a Blob behind an object URL, clicked through a temporary <a download> (nothing is put in a URL but the blob's). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has read the URL once the click's download started; free the blob a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Today (UTC) as yyyy-MM-dd, for file names. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
