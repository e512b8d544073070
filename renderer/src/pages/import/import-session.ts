// The import job the clerk is working on, kept while the program runs (not across F5: the core keeps
// its jobs in memory too). Lets 导入 come back to the progress, preview or result after a look at
// another page.
export interface ImportSession {
  jobId: string;
  fileName: string | null;
}

let current: ImportSession | null = null;

export const rememberedImportJob = (): ImportSession | null => current;

export function rememberImportJob(session: ImportSession): void {
  current = session;
}

export function forgetImportJob(): void {
  current = null;
}
