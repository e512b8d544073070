/**
 * What a Linux shared object asks of the system that loads it, read from the file itself (no binutils
 * needed): its CPU, the libraries it links, the symbol versions it needs (GLIBC_2.28, GLIBCXX_3.4.25…)
 * and the symbols it exports. Used by the packaging hook and tests/integration/native-linux.test.ts to
 * check that the modules of the Linux packages load on UOS 20 / Kylin V10. ELF64 little-endian only
 * (x86-64 and aarch64).
 */
import fs from 'node:fs';

export interface ElfInfo {
  /** e_machine: 62 = x86-64, 183 = aarch64. */
  machine: number;
  /** DT_NEEDED entries, e.g. libc.so.6. */
  needed: string[];
  /** Symbol versions required from other libraries, e.g. GLIBC_2.28. */
  versionNeeds: string[];
  /** Defined global symbols with default visibility. */
  exports: string[];
}

const SHT_DYNSYM = 11;
const SHT_DYNAMIC = 6;
const SHT_GNU_VERNEED = 0x6ffffffe;
const DT_NEEDED = 1;

/** ELF e_machine of a file, or null when it is not an ELF file. */
export function elfMachine(file: string): number | null {
  const head = Buffer.alloc(20);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 20, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.readUInt32BE(0) !== 0x7f454c46) return null;
  return head[5] === 2 ? head.readUInt16BE(18) : head.readUInt16LE(18);
}

export function readElf(file: string): ElfInfo {
  const b = fs.readFileSync(file);
  if (b.readUInt32BE(0) !== 0x7f454c46 || b[4] !== 2 || b[5] !== 1) {
    throw new Error(`${file} 不是 64 位小端 ELF 文件`);
  }
  const num = (offset: number) => Number(b.readBigUInt64LE(offset));
  const shoff = num(0x28);
  const shentsize = b.readUInt16LE(0x3a);
  const sections = Array.from({ length: b.readUInt16LE(0x3c) }, (_, i) => {
    const h = shoff + i * shentsize;
    return {
      type: b.readUInt32LE(h + 4),
      offset: num(h + 0x18),
      size: num(h + 0x20),
      link: b.readUInt32LE(h + 0x28),
      info: b.readUInt32LE(h + 0x2c),
    };
  });
  const str = (table: number, at: number): string => {
    const start = sections[table]!.offset + at;
    return b.toString('latin1', start, b.indexOf(0, start));
  };

  const needed: string[] = [];
  const versionNeeds: string[] = [];
  const exports: string[] = [];
  for (const s of sections) {
    if (s.type === SHT_DYNAMIC) {
      for (let p = s.offset; p < s.offset + s.size; p += 16) {
        if (num(p) === DT_NEEDED) needed.push(str(s.link, num(p + 8)));
      }
    } else if (s.type === SHT_GNU_VERNEED) {
      // s.info Verneed entries (one per library), each with vn_cnt Vernaux entries (one per version).
      let vn = s.offset;
      for (let i = 0; i < s.info; i++) {
        let aux = vn + b.readUInt32LE(vn + 8);
        for (let j = 0; j < b.readUInt16LE(vn + 2); j++) {
          versionNeeds.push(str(s.link, b.readUInt32LE(aux + 8)));
          aux += b.readUInt32LE(aux + 12);
        }
        vn += b.readUInt32LE(vn + 12);
      }
    } else if (s.type === SHT_DYNSYM) {
      for (let p = s.offset; p < s.offset + s.size; p += 24) {
        const binding = b[p + 4]! >> 4; // 1 = GLOBAL, 2 = WEAK
        const visibility = b[p + 5]! & 3; // 0 = DEFAULT
        const section = b.readUInt16LE(p + 6); // 0 = undefined (imported)
        if ((binding === 1 || binding === 2) && visibility === 0 && section !== 0) {
          exports.push(str(s.link, b.readUInt32LE(p)));
        }
      }
    }
  }
  return { machine: b.readUInt16LE(18), needed, versionNeeds, exports };
}

/** Compares dotted versions: -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The newest version of `prefix` (GLIBC, GLIBCXX…) a file needs, or null when it needs none. */
export function newestNeeded(info: ElfInfo, prefix: string): string | null {
  const versions = info.versionNeeds
    .filter((v) => v.startsWith(`${prefix}_`) && /^\d/.test(v.slice(prefix.length + 1)))
    .map((v) => v.slice(prefix.length + 1));
  return versions.sort(compareVersions).at(-1) ?? null;
}
