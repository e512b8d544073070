// The process boundaries are kept by lint: prove the rules fire on the imports they must refuse.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.ts';

const eslint = new ESLint({ cwd: ROOT });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint boundaries', () => {
  it('keep Node, Electron, main/ and renderer/ out of shared/', async () => {
    expect(await restricted('shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(
      1,
    );
    expect(
      await restricted('shared/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n"),
    ).toHaveLength(1);
    expect(
      await restricted('shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
    expect(
      await restricted(
        'shared/x.ts',
        "import { openCore } from '../main/core/index.ts';\nexport const a = openCore;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restricted('shared/x.ts', "import React from 'react';\nexport const a = React;\n"),
    ).toHaveLength(1);
    expect(await restricted('shared/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toHaveLength(
      0,
    );
  });

  it('keep Node, Electron and main/ out of renderer/', async () => {
    expect(
      await restricted('renderer/src/x.ts', "import path from 'node:path';\nexport const a = path;\n"),
    ).toHaveLength(1);
    expect(
      await restricted(
        'renderer/src/x.ts',
        "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restricted(
        'renderer/src/x.ts',
        "import { openCore } from '../../main/core/index.ts';\nexport const a = openCore;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restricted(
        'renderer/src/x.ts',
        "import { contract } from '../../shared/contract/index.ts';\nexport const a = contract;\n",
      ),
    ).toHaveLength(0);
  });

  it('let only main/electron/ import electron', async () => {
    expect(
      await restricted('main/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
    expect(
      await restricted('main/cli/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
    expect(
      await restricted('main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(0);
    expect(
      await restricted(
        'main/launcher/x.ts',
        "import { layout } from '../electron/layout.ts';\nexport const a = layout;\n",
      ),
    ).toHaveLength(0);
  });
});
