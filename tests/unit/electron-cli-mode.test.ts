import { describe, expect, it } from 'vitest';
import { cliArguments } from '../../main/electron/cli-mode.ts';

describe('the program as CLI', () => {
  it('takes everything after --cli as the CLI arguments', () => {
    expect(cliArguments(['--cli', 'import', 'C:\\台账\\花名册.xlsx', '--json'])).toEqual([
      'import',
      'C:\\台账\\花名册.xlsx',
      '--json',
    ]);
    // Chromium switches before --cli are not the CLI's.
    expect(cliArguments(['--no-sandbox', '--cli', 'stats'])).toEqual(['stats']);
    expect(cliArguments(['--cli'])).toEqual([]);
  });

  it('is not CLI mode without --cli (a window opens)', () => {
    expect(cliArguments([])).toBeNull();
    expect(cliArguments(['--db', 'D:\\台账.db'])).toBeNull();
  });
});
