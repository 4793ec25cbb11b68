import { groupCommand } from '../group';
import { kitCreateCommand } from './create';

export const kitCommand = groupCommand(
  'kit',
  'partner kits: the p12, the CA chain and an install README for a partner',
  'A partner kit is what you send a partner with their client identity. Its p12 password is generated and shown once.',
  [kitCreateCommand],
  ['mtls-studio kit create "Partner A" --out partner-a-kit --lang zh-TW'],
);
