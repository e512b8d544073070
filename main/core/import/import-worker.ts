// The import worker thread: reading, header, mapping, validation and the commit all run here, off the
// thread that answers the UI. It has its own SQLite connection (WAL lets the UI keep reading meanwhile);
// it is sent 'commit' only once the core's owner has granted it the write lease (owner/write-owner.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { LedgerError } from '../../../shared/result.ts';
import { openLedger, type Ledger } from '../db/open-ledger.ts';
import { storageFailureMessage } from '../storage-errors.ts';
import { analyzeFile, commitAnalysis, remapAnalysis, type Analysis } from './analyze-file.ts';
import { commitResultOf, errorReportInput, previewOf } from './preview.ts';
import { SheetChoiceError } from './choose-sheet.ts';
import type { FromWorker, ToWorker, WorkerStart, WorkerVerify } from './worker-protocol.ts';
import { verifyLedgerFile } from '../backup/verify-ledger-file.ts';
import { checkImportedBatch, type ImportQuality } from '../quality/after-import.ts';

const port = parentPort;
if (!port) throw new Error('import-worker must run in a worker thread');
const data = workerData as WorkerStart | WorkerVerify;
const start = data as WorkerStart;
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
  try {
    analysis = await analyzeFile(ledger, start.file, {
      sheet,
      regionCode,
      into: start.into,
      ...(start.regionDataPath ? { regionDataPath: start.regionDataPath } : {}),
      ...(analysis && Object.keys(analysis.constants).length > 0 ? { constants: analysis.constants } : {}),
      fileName: start.fileName,
      signal: abort.signal,
      onProgress: (p) => post({ type: 'progress', phase: p.phase, rowsRead: p.rowsRead, percent: p.percent }),
    });
  } catch (e) {
    if (!(e instanceof SheetChoiceError)) throw e;
    post({ type: 'choose-sheet', sheets: e.sheets, message: e.message });
    return;
  }
  const resume = start.resume;
  if (resume) {
    // The job's earlier worker was released after its preview: the same file, the same settings.
    start.resume = null;
    if (analysis.sha256 !== resume.sha256) {
      analysis = null;
      post({
        type: 'failed',
        error: { code: 'file-changed', message: '文件在预览之后被修改过，未导入。请重新选择文件。' },
      });
      return;
    }
    const constantChanges: Record<string, string | null> = { ...resume.constants };
    for (const key of Object.keys(analysis.constants))
      if (!Object.hasOwn(resume.constants, key)) constantChanges[key] = null;
    analysis = remapAnalysis(ledger, analysis, resume.mapping, undefined, constantChanges);
  }
  post({ type: 'ready', preview: previewOf(analysis), sha256: analysis.sha256 });
}

port.on('message', (m: ToWorker) => {
  void (async () => {
    try {
      if (m.type === 'cancel') {
        abort.abort();
        return;
      }
      // The sheet the clerk chose when several could be the one (no analysis yet).
      if (m.type === 'remap' && m.sheet !== undefined && m.sheet !== analysis?.sheet) {
        const region = analysis ? analysis.chosenRegion : start.regionCode;
        await analyse(m.sheet, m.regionCode === undefined ? region : m.regionCode);
        return;
      }
      if (!ledger || !analysis) throw new LedgerError('validation', '文件还没有分析完。');
      if (m.type === 'remap') {
        analysis = remapAnalysis(ledger, analysis, m.mapping, m.regionCode, m.constants);
        post({ type: 'ready', preview: previewOf(analysis) });
      } else if (m.type === 'commit') {
        post({ type: 'progress', phase: 'commit', rowsRead: analysis.table.rows.length, percent: null });
        const r = commitAnalysis(ledger, analysis, m.skipInvalid, {
          operator: m.operator,
          ...(m.templateName ? { templateName: m.templateName } : {}),
        });
        // The 数据质量 rules over the households this batch wrote; a failing check never fails the import.
        let quality: ImportQuality | null = null;
        if (r.batchId !== null) {
          post({ type: 'progress', phase: 'quality', rowsRead: analysis.table.rows.length, percent: null });
          try {
            quality = await checkImportedBatch(ledger, r.batchId, analysis.into);
          } catch {
            quality = null;
          }
        }
        post({ type: 'done', result: { ...commitResultOf(analysis, r), quality } });
      } else if (m.type === 'report') {
        post({ type: 'progress', phase: 'report', rowsRead: analysis.table.rows.length, percent: null });
        // Loaded when asked for: most imports never write a report.
        const { writeErrorReport } = await import('../xlsx-write/error-report.ts');
        await writeErrorReport(m.path, errorReportInput(analysis));
        post({ type: 'report-done', path: m.path });
      }
    } catch (e) {
      fail(e);
    }
  })();
});

if ('verify' in data) {
  // integrity_check of a county ledger takes seconds: here, not on the thread that answers the UI.
  const { file, mode, audit } = data.verify;
  port.postMessage(verifyLedgerFile(file, mode, audit));
} else analyse(start.sheet, start.regionCode).catch(fail);
