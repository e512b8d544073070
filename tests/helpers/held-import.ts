// An import worker for e2e tests that never announces one file's preview (held-import-worker.ts):
// a test that watches a big file's progress and cancels it must not race the analysis (on a quiet
// machine 150,000 rows are analysed in about 3 s, and a loaded CI machine once finished before the
// test clicked 取消, so every later step saw that file's preview).

/** The file whose analysis stays 'analysing' until its job is cancelled. */
export const HELD_FILE_NAME = '全县花名册.csv';

/** The worker entry to give the host (`importWorker`). */
export const HELD_IMPORT_WORKER = new URL('./held-import-worker.ts', import.meta.url);
