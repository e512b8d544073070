// The JavaScript heap an import may use: the app's import worker and the CLI's import thread both run
// with this old-generation limit (Worker resourceLimits). Besides stopping a hostile file from taking the
// whole machine, the limit is what keeps a county import under 1 GB: V8 lets the heap grow to about
// four times what survived the last full collection when its limit is 2 GB or more, and about 1.8 times
// at 1.5 GB. At 400,000 persons the live heap is ~250 MB, and the heap had grown to ~740 MB of mostly
// garbage with the 3 GB limit; with this one the process peaks at 0.75–0.83 GB for ~0.7 s more CPU of
// ~19 s (BENCHMARKS.md, issue 13). A file whose analysis did not fit would end the worker with 内存不足
// and write nothing.
export const IMPORT_HEAP_MB = 1536;
