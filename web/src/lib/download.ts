/** Characters Windows and macOS refuse in file names. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'study';
}

export function reportFileName(studyName: string, lang: string, format: 'pdf' | 'html'): string {
  return `${safeFileName(studyName)}-report-${lang}.${format}`;
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // revoking at once can cancel the download in some browsers
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
