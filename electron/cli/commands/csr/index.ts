import { groupCommand } from '../group';
import { csrCompleteCommand } from './complete';
import { csrCreateCommand } from './create';
import { csrListCommand } from './list';
import { csrRemoveCommand } from './remove';
import { csrSignCommand } from './sign';

export const csrCommand = groupCommand(
  'csr',
  'certificate requests: create one (key kept pending in the vault), complete it, sign one someone sent',
  'A request made here keeps its key in the vault as a pending request until the signed certificate comes back.',
  [csrCreateCommand, csrCompleteCommand, csrSignCommand, csrListCommand, csrRemoveCommand],
  [
    'mtls-studio csr create --name "Bank API" --subject "CN=acme-client,O=Acme" --out acme.csr',
    'mtls-studio csr complete acme-signed.crt',
    'mtls-studio csr sign Partners partner-b.csr --out partner-b.crt',
  ],
);
