// Damage as a power cut or a failing disk leaves it: garbage over b-tree pages, so quick_check fails.
import fs from 'node:fs';

/** Overwrites the middle of the file's second page and all of its fourth with garbage. */
export function damage(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const page = 4096;
    fs.writeSync(fd, Buffer.alloc(page - 200, 0x5a), 0, page - 200, page + 100);
    fs.writeSync(fd, Buffer.alloc(page, 0xa5), 0, page, page * 3);
  } finally {
    fs.closeSync(fd);
  }
}
