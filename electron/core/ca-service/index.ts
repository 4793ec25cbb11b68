export { createCaService, type CaService } from './ca-service';
export type { CreateAuthorityRequest, ImportAuthorityRequest } from './authority-ops';
export type { IssueIdentityRequest, IssueBatchOptions } from './issue-ops';
export type { CreateRequest } from './csr-ops';
export type { KitRequest, CreatedKit } from './kit-ops';
