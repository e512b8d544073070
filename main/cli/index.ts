// `npm run ledger -- <command>`: the ledger core for county IT staff, scripts, tests and benchmarks.
import { runCliInImportThread, runsInImportThread } from './import-thread.ts';

const args = process.argv.slice(2);
// The import thread loads the core itself: the main thread then holds none of it.
process.exitCode = runsInImportThread(args)
  ? await runCliInImportThread(args)
  : await (
      await import('./run-cli.ts')
    ).runCli(args, {
      out: (line) => process.stdout.write(line + '\n'),
      err: (line) => process.stderr.write(line + '\n'),
    });
