// Which encoding a text file (CSV, or an HTML table saved as .xls) is in. Township offices mostly save
// CSV from Chinese Excel or WPS, which writes GBK (GB18030 is its superset) unless "UTF-8" is chosen.
// Node 22 ships full ICU, so TextDecoder handles gb18030 without iconv.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** True when a byte-order mark decided it (then a later UTF-8 error is damage, not a wrong guess). */
  fromBom: boolean;
}

/** Bytes sniffed for the UTF-8 check; a GBK file shows invalid UTF-8 within the first few Chinese words. */
export const ENCODING_PROBE_BYTES = 1 << 20;

/**
 * BOM first (UTF-8, UTF-16 LE/BE); otherwise UTF-8 if `head` is valid UTF-8 (pure ASCII is too), else
 * GB18030. `complete` says `head` is the whole file, so a sequence cut at its end counts as invalid.
 */
export function detectEncoding(head: Uint8Array, complete: boolean): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', fromBom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', fromBom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', fromBom: true };
  return { encoding: isValidUtf8(head, complete) ? 'utf-8' : 'gb18030', fromBom: false };
}

export function isValidUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** The charset an HTML page declares in a <meta> tag, mapped to ours; null when none or unknown. */
export function declaredHtmlCharset(head: string): TextEncodingName | null {
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  const name = m?.[1]?.toLowerCase();
  if (name === undefined) return null;
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  if (name === 'gbk' || name === 'gb2312' || name === 'gb18030' || name === 'x-gbk') return 'gb18030';
  return null;
}

/** Decodes a whole (small) text file: BOM, declared HTML charset, then the UTF-8 check. */
export function decodeText(bytes: Uint8Array): string {
  const detected = detectEncoding(bytes, true);
  let encoding = detected.encoding;
  if (!detected.fromBom) {
    const declared = declaredHtmlCharset(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)));
    if (declared !== null) encoding = declared;
  }
  return new TextDecoder(encoding).decode(bytes);
}
