/** Saves text as a file from an extension page (no `downloads` permission needed). */
export function downloadText(fileName: string, text: string, mime = 'text/plain;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a user-chosen file as text. */
export function readFileText(file: File): Promise<string> {
  return file.text();
}
