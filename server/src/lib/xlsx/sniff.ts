/** What an upload is, judged by its first bytes rather than by its name. */
export type FileKind = 'zip' | 'ole' | 'empty' | 'other';

export function sniffFile(buf: Buffer): FileKind {
  if (buf.length === 0) return 'empty';
  // Local file header of a zip archive (xlsx, docx, …): "PK\x03\x04".
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) return 'zip';
  // OLE compound document: legacy .xls, or an encrypted .xlsx.
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'ole';
  return 'other';
}
