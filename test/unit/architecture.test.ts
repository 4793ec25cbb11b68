import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importRuleErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => /no-restricted-imports/.test(m.ruleId ?? '')).map((m) => m.message);
}

describe('import rules of ARCHITECTURE.md are enforced by lint', () => {
  it.each([
    ['electron/core/pki/leak.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/core/pki/leak.ts', "import { app } from '../../main/index';\nexport const x = app;\n"],
    ['electron/common/leak.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['electron/common/leak.ts', "import { createServices } from '../core/services';\nexport const x = createServices;\n"],
    ['electron/cli/leak.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n"],
    ['electron/cli/leak.ts', "import { readPkcs12 } from '../core/pki/pkcs12';\nexport const x = readPkcs12;\n"],
    ['electron/main/leak.ts', "import { readPkcs12 } from '../core/pki/pkcs12';\nexport const x = readPkcs12;\n"],
    ['electron/preload/leak.ts', "import { createServices } from '../core/services';\nexport const x = createServices;\n"],
    ['renderer/src/leak.ts', "import { createServices } from '../../electron/core/services';\nexport const x = createServices;\n"],
    ['renderer/src/leak.ts', "import { contract } from '../../electron/common/ipc/contract';\nexport const x = contract;\n"],
    ['renderer/src/leak.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
  ])('%s: refuses %s', async (file, code) => {
    expect(await importRuleErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['electron/core/pki/ok.ts', "import { StudioError } from '../../common/errors';\nimport { createHash } from 'node:crypto';\nexport const x = [StudioError, createHash];\n"],
    ['electron/cli/ok.ts', "import { createServices } from '../core';\nexport const x = createServices;\n"],
    ['electron/main/ok.ts', "import { app } from 'electron';\nimport { createServices } from '../core';\nexport const x = [app, createServices];\n"],
    ['renderer/src/ok.ts', "import type { InspectReport } from '../../electron/common/dto/inspect';\nexport type X = InspectReport;\n"],
  ])('%s: allows what the rules allow', async (file, code) => {
    expect(await importRuleErrors(file, code)).toEqual([]);
  });
});
