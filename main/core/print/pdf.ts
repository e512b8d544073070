// PDF output of printed forms. A PdfRenderer turns one HTML document into PDF bytes (Chromium: Electron's
// printToPDF in the app, playwright-core elsewhere); several documents (a township roster's villages,
// each numbered from 第 1 页) become one file by joining their page trees (mergePdfs).

export interface PdfRenderer {
  /** One HTML document → PDF (A4 from its CSS @page rule, backgrounds printed). */
  toPdf(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Opens a renderer for one job (a browser launched, or a hidden Electron window). */
export type PdfRendererFactory = () => Promise<PdfRenderer>;

const latin1 = (b: Uint8Array): string =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

interface ParsedPdf {
  text: string;
  /** Object number → [start, end) of "N 0 obj … endobj" in text. */
  objects: Map<number, [number, number]>;
  root: number;
}

function parsePdf(bytes: Uint8Array): ParsedPdf {
  const text = latin1(bytes);
  const sx = text.lastIndexOf('startxref');
  const xrefAt = Number(/startxref\s+(\d+)/.exec(text.slice(sx))?.[1]);
  if (!Number.isInteger(xrefAt) || !text.startsWith('xref', xrefAt))
    throw new Error('PDF 格式不是预期的（没有交叉引用表）');
  const offsets: Array<[number, number]> = [];
  const lines = text.slice(xrefAt, text.indexOf('trailer', xrefAt)).split(/\r?\n|\r/);
  let next = 0;
  for (const line of lines.slice(1)) {
    const sub = /^(\d+) (\d+)\s*$/.exec(line);
    if (sub) {
      next = Number(sub[1]);
      continue;
    }
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
    if (!entry) continue;
    if (entry[3] === 'n') offsets.push([next, Number(entry[1])]);
    next++;
  }
  const sorted = [...offsets].sort((a, b) => a[1] - b[1]);
  const objects = new Map<number, [number, number]>();
  sorted.forEach(([n, start], i) => {
    const limit = i + 1 < sorted.length ? sorted[i + 1]![1] : xrefAt;
    const end = text.lastIndexOf('endobj', limit) + 'endobj'.length;
    objects.set(n, [start, end]);
  });
  const trailer = text.slice(text.indexOf('trailer', xrefAt));
  const root = Number(/\/Root (\d+) 0 R/.exec(trailer)?.[1]);
  return { text, objects, root };
}

const body = (p: ParsedPdf, n: number): string => {
  const at = p.objects.get(n);
  if (!at) throw new Error(`PDF 中缺少对象 ${n}`);
  return p.text.slice(at[0], at[1]);
};

/** Pages of a PDF (the /Count of its page tree's root). */
export function pdfPageCount(bytes: Uint8Array): number {
  const p = parsePdf(bytes);
  const pages = Number(/\/Pages (\d+) 0 R/.exec(body(p, p.root))?.[1]);
  return Number(/\/Count (\d+)/.exec(body(p, pages))?.[1] ?? 0);
}

/**
 * Joins PDFs written by Chromium (Skia: a classic xref table, no object streams) into one: every object
 * renumbered, and a new page tree whose kids are the inputs' page trees, so each keeps its own pages,
 * fonts and page numbers. One input is returned as it is.
 */
export function mergePdfs(inputs: readonly Uint8Array[]): Uint8Array {
  if (inputs.length === 1) return inputs[0]!;
  const parts: string[] = [];
  const offsets: number[] = [];
  let length = 0;
  const header = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  parts.push(header);
  length += header.length;
  let nextNumber = 3; // 1: catalog, 2: the new page tree root
  const treeKids: number[] = [];
  let total = 0;
  const emit = (n: number, text: string) => {
    offsets[n] = length;
    parts.push(text, '\n');
    length += text.length + 1;
  };
  for (const bytes of inputs) {
    const p = parsePdf(bytes);
    const map = new Map<number, number>();
    for (const n of p.objects.keys()) map.set(n, nextNumber++);
    const renumber = (s: string) =>
      s.replace(/(\d+) 0 R\b/g, (_, n: string) => `${map.get(Number(n)) ?? n} 0 R`);
    const pagesOld = Number(/\/Pages (\d+) 0 R/.exec(body(p, p.root))?.[1]);
    total += Number(/\/Count (\d+)/.exec(body(p, pagesOld))?.[1] ?? 0);
    for (const n of p.objects.keys()) {
      if (n === p.root) continue;
      let obj = body(p, n);
      const streamAt = obj.search(/>>\s*stream(\r\n|\n|\r)/);
      let dict = streamAt >= 0 ? obj.slice(0, streamAt) : obj;
      const rest = streamAt >= 0 ? obj.slice(streamAt) : '';
      dict = renumber(dict.replace(/^\d+ 0 obj/, `${map.get(n)} 0 obj`));
      if (n === pagesOld) dict = dict.replace('<<', '<</Parent 2 0 R ');
      obj = dict + rest;
      emit(map.get(n)!, obj);
    }
    treeKids.push(map.get(pagesOld)!);
  }
  emit(1, '1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj');
  emit(
    2,
    `2 0 obj\n<</Type /Pages /Kids [${treeKids.map((k) => `${k} 0 R`).join(' ')}] /Count ${total}>>\nendobj`,
  );
  const size = nextNumber;
  const xref = [`xref\n0 ${size}\n`, '0000000000 65535 f \n'];
  for (let n = 1; n < size; n++) {
    const at = offsets[n];
    xref.push(at === undefined ? '0000000000 65535 f \n' : `${String(at).padStart(10, '0')} 00000 n \n`);
  }
  const tail = `${xref.join('')}trailer\n<</Size ${size} /Root 1 0 R>>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(tail);
  return Buffer.from(parts.join(''), 'latin1');
}

export interface PdfOutput {
  bytes: Uint8Array;
  pages: number;
  documents: Array<{ label: string; pages: number }>;
}

/** Renders every document with one renderer and joins them. */
export async function renderPdf(
  documents: ReadonlyArray<{ label: string; html: string }>,
  factory: PdfRendererFactory,
): Promise<PdfOutput> {
  const renderer = await factory();
  try {
    const pdfs: Uint8Array[] = [];
    const counted: PdfOutput['documents'] = [];
    for (const d of documents) {
      const bytes = await renderer.toPdf(d.html);
      pdfs.push(bytes);
      counted.push({ label: d.label, pages: pdfPageCount(bytes) });
    }
    const bytes = mergePdfs(pdfs);
    return { bytes, pages: counted.reduce((n, d) => n + d.pages, 0), documents: counted };
  } finally {
    await renderer.close();
  }
}
