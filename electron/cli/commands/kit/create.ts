import { parseCommandArgs, requireOne } from '../../args';
import type { Command } from '../../command';
import { printJson } from '../../output';
import { vaultServices } from '../../vault-services';
import { KIT_LANGUAGES } from '../../../core';
import { requireOption } from '../ca-cli-helpers';
import { onePositional } from '../identity/positionals';

const usage = 'mtls-studio kit create IDENTITY --out DIR [--profile modern|compat] [--lang en|zh-CN|zh-TW] [--test-url URL] [--json]';

export const kitCreateCommand: Command = {
  name: 'create',
  summary: 'write a partner kit: <name>.p12, ca-chain.pem and an install README',
  help: `Usage: ${usage}

Creates the folder DIR with the identity as <name>.p12 under a newly generated password, the CA chain as PEM
and a README (English, 简体中文 or 繁體中文) on installing and testing it. The password is shown once — on
stderr, or in the JSON on stdout — and is written into no file of the kit: send it by another channel.

Options:
  --out DIR              the folder to create (an existing one is kept: OUTPUT_EXISTS)
  --profile P            modern (AES-256, default) or compat (3DES/SHA-1, for Windows Server 2016, macOS < 14, old Java)
  --lang L               ${KIT_LANGUAGES.join(', ')} (default en)
  --test-url URL         the https:// endpoint the README's test commands use
  --json                 print {"kit":{folder,files,p12File,profile,lang},"password":…}

Examples:
  mtls-studio kit create "Partner A" --out partner-a-kit --lang zh-CN
  mtls-studio kit create "Partner A" --out kit --profile compat --json`,

  async run(argv, output) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' }, profile: { type: 'string' }, lang: { type: 'string' }, 'test-url': { type: 'string' }, json: { type: 'boolean' } }, usage);
    const identity = onePositional(positionals, 'IDENTITY', usage);
    const out = requireOption(values.out, '--out', usage);
    const profile = values.profile === undefined ? 'modern' : requireOne(values.profile, ['modern', 'compat'] as const, '--profile', usage);
    const lang = values.lang === undefined ? 'en' : requireOne(values.lang, KIT_LANGUAGES, '--lang', usage);
    const kit = await vaultServices().ca.kit({ identity, out, profile, lang, ...(values['test-url'] === undefined ? {} : { testUrl: values['test-url'] }) });
    const { password, ...files } = kit;
    if (output.json) printJson(output, { kit: files, password });
    else {
      output.out(`wrote the kit of '${identity}' to ${kit.folder}:\n${kit.files.map((file) => `  ${file}`).join('\n')}`);
      output.note(`p12 password (shown once, not stored anywhere): ${password}`);
    }
    return 0;
  },
};
