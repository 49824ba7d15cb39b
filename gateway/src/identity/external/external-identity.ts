import type { Role } from '@lianxiao/platform';

/** A person as an external OIDC issuer describes them, already mapped to Lianxiao roles. */
export interface ExternalIdentity {
  issuer: string;
  subject: string;
  username: string;
  displayName: string;
  roles: Role[];
  region: string | null;
  /** The Lianxiao dealer id the issuer puts in the dealer claim (dealer staff). */
  dealerId: string | null;
}

/** Internal route the gateway calls to turn a verified external identity into a local caller. */
export const EXTERNAL_LINK_PATH = '/internal/external-identity/link';
