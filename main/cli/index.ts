// `npm run ledger -- <command>`: the ledger core for county IT staff, scripts, tests and benchmarks.
import { runCli } from './run-cli.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
});
