import { groupCommand } from '../group';
import { createCommand } from './create';
import { crlCommand } from './crl';
import { exportCertCommand } from './export-cert';
import { importCaCommand } from './import';
import { issueCommand } from './issue';
import { issueBatchCommand } from './issue-batch';
import { listCommand } from './list';
import { revokeCommand } from './revoke';

export const caCommand = groupCommand(
  'ca',
  'local certificate authorities: create, import, issue, revoke, CRL',
  `A local CA keeps its key in the vault (behind the OS keychain) like any identity. It issues client and server
identities straight into the vault, keeps a registry of what it issued, and publishes CRLs.`,
  [createCommand, importCaCommand, listCommand, issueCommand, issueBatchCommand, revokeCommand, crlCommand, exportCertCommand],
  [
    'mtls-studio ca create "Example Root" --subject "CN=Example Root CA,O=Example"',
    'mtls-studio ca issue "Example Root" --name "Partner A" --type client --san email:ops@partner-a.example',
    'mtls-studio ca issue-batch "Example Root" --csv partners.csv',
    'mtls-studio ca revoke "Example Root" 5f3a…c1 --reason keyCompromise && mtls-studio ca crl "Example Root" --out root.crl --der',
  ],
);
