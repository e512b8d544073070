// Byte-level helpers for scanning inflated XML without turning it into strings first: markup is
// ASCII in UTF-8, so tags can be found in the raw bytes and only cell values are decoded.

export const LT = 0x3c; // <
export const GT = 0x3e; // >
export const SLASH = 0x2f; // /
export const EQ = 0x3d; // =
export const QUOTE = 0x22; // "
export const APOS = 0x27; // '
export const SPACE = 0x20;
export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;

export const isXmlSpace = (b: number | undefined): boolean =>
  b === SPACE || b === LF || b === CR || b === TAB;

/** True when `needle` occurs in `buf` at `pos`. */
export function matchAt(buf: Uint8Array, pos: number, needle: Uint8Array): boolean {
  if (pos + needle.length > buf.length) return false;
  for (let k = 0; k < needle.length; k++) if (buf[pos + k] !== needle[k]) return false;
  return true;
}

/** True when the byte ends a tag name: whitespace, '>' or '/'. */
export const endsName = (b: number | undefined): boolean => b === GT || b === SLASH || isXmlSpace(b);
