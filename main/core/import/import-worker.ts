// The import worker thread: reading, header, mapping, validation and the commit all run here, off the
// thread that answers the UI. It has its own SQLite connection (WAL lets the UI keep reading meanwhile).
import { parentPort, workerData } from 'node:worker_threads';
import { LedgerError } from '../../../shared/result.ts';
import { openLedger, type Ledger } from '../db/open-ledger.ts';
import { storageFailureMessage } from '../storage-errors.ts';
import { analyzeFile, commitAnalysis, remapAnalysis, type Analysis } from './analyze-file.ts';
import { previewOf } from './preview.ts';
import type { FromWorker, ToWorker, WorkerStart } from './worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('import-worker must run in a worker thread');
const start = workerData as WorkerStart;
const post = (m: FromWorker) => port.postMessage(m);
const abort = new AbortController();

let ledger: Ledger | null = null;
let analysis: Analysis | null = null;

function fail(e: unknown): void {
  if (e instanceof LedgerError) post({ type: 'failed', error: { code: e.code, message: e.message } });
  else
    post({
      type: 'failed',
      error: {
        code: 'internal',
        message: storageFailureMessage(e) ?? `导入时出现程序错误：${(e as Error)?.message ?? String(e)}`,
      },
    });
}

async function analyse(sheet: string | null, regionCode: string | null): Promise<void> {
  ledger ??= await openLedger(start.ledgerPath, { backupBeforeMigrate: false });
  analysis = await analyzeFile(ledger, start.file, {
    sheet,
    regionCode,
    into: start.into,
    ...(start.regionDataPath ? { regionDataPath: start.regionDataPath } : {}),
    fileName: start.fileName,
    signal: abort.signal,
    onProgress: (p) => post({ type: 'progress', phase: p.phase, rowsRead: p.rowsRead, percent: p.percent }),
  });
  post({ type: 'ready', preview: previewOf(analysis) });
}

/** The header as a row aligned with the source columns (issues name columns by letter). */
function headerByIndex(a: Analysis): string[] {
  const row: string[] = [];
  for (const c of a.columns) row[c.index] = c.name;
  return Array.from(row, (v) => v ?? '');
}

port.on('message', (m: ToWorker) => {
  void (async () => {
    try {
      if (m.type === 'cancel') {
        abort.abort();
        return;
      }
      if (!ledger || !analysis) throw new LedgerError('validation', '文件还没有分析完。');
      if (m.type === 'remap') {
        if (m.sheet !== undefined && m.sheet !== analysis.sheet) {
          await analyse(m.sheet, m.regionCode === undefined ? analysis.chosenRegion : m.regionCode);
          return;
        }
        analysis = remapAnalysis(ledger, analysis, m.mapping, m.regionCode);
        post({ type: 'ready', preview: previewOf(analysis) });
      } else if (m.type === 'commit') {
        post({ type: 'progress', phase: 'commit', rowsRead: analysis.table.rows.length, percent: null });
        const r = commitAnalysis(ledger, analysis, m.skipInvalid, {
          operator: m.operator,
          ...(m.templateName ? { templateName: m.templateName } : {}),
        });
        post({
          type: 'done',
          result: {
            batchId: r.batchId,
            households: r.counts.households,
            persons: r.counts.persons,
            records: r.records,
          },
        });
      } else if (m.type === 'report') {
        post({ type: 'progress', phase: 'report', rowsRead: analysis.table.rows.length, percent: null });
        // Loaded when asked for: most imports never write a report.
        const { writeErrorReport } = await import('../xlsx-write/error-report.ts');
        await writeErrorReport(m.path, {
          sheetName: analysis.sheet,
          headerRows: [headerByIndex(analysis)],
          rows: analysis.table.rows.map((r) => ({ row: r.row, cells: [...r.cells] })),
          issues: analysis.plan.issues,
          title: analysis.title,
        });
        post({ type: 'report-done', path: m.path });
      }
    } catch (e) {
      fail(e);
    }
  })();
});

analyse(start.sheet, start.regionCode).catch(fail);
