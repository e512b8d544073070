// The installed program doubles as the CLI: `county-ledger --cli stats --json` (or the
// county-ledger-cli wrapper beside it, electron-builder.yml extraFiles) runs the same commands as
// `npm run ledger -- …` on an office PC that has no Node.js, and opens no window. No 'electron'
// import: unit-tested.

export const CLI_FLAG = '--cli';

/** The CLI's arguments when the program was started with --cli, else null. */
export function cliArguments(args: readonly string[]): string[] | null {
  const at = args.indexOf(CLI_FLAG);
  return at === -1 ? null : args.slice(at + 1);
}
