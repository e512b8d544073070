// The CLI's import thread (import-thread.ts): the command as it would run in the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { runCli } from './run-cli.ts';

const { args } = workerData as { args: string[] };
const code = await runCli(args, {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
});
parentPort?.postMessage(code);
