import { ConfigError, envReader, Role } from '@lianxiao/platform';

/** An external OpenID Connect issuer whose access/ID tokens the gateway accepts (production SSO). */
export interface OidcConfig {
  issuer: string;
  audience: string;
  /** Overrides discovery (`<issuer>/.well-known/openid-configuration` → jwks_uri). */
  jwksUri: string | null;
  /** Claim paths (dots for nesting, e.g. `realm_access.roles`). */
  usernameClaim: string;
  nameClaim: string;
  rolesClaim: string;
  regionClaim: string;
  dealerClaim: string;
  /** IdP role/group value → Lianxiao role; values equal to a Lianxiao role name map to it anyway. */
  roleMap: Record<string, Role>;
  algorithms: string[];
  clockToleranceSeconds: number;
}

/** OIDC_ISSUER unset → null (only the built-in issuer). */
export function loadOidcConfig(env: Record<string, string | undefined> = process.env): OidcConfig | null {
  const read = envReader(env);
  const issuer = read.optional('OIDC_ISSUER');
  if (!issuer) return null;
  if (!/^https?:\/\/.+/.test(issuer)) throw new ConfigError('OIDC_ISSUER', `must be the issuer URL, got "${issuer}"`);
  const audience = read.optional('OIDC_AUDIENCE');
  if (!audience) throw new ConfigError('OIDC_AUDIENCE', 'is required with OIDC_ISSUER (the client id / API audience tokens are issued for)');
  const roleMap: Record<string, Role> = {};
  for (const pair of (read.optional('OIDC_ROLE_MAP') ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [from, to] = pair.split('=').map((s) => s.trim());
    const role = (to ?? '').toUpperCase() as Role;
    if (!from || !Object.values(Role).includes(role)) {
      throw new ConfigError('OIDC_ROLE_MAP', `"${pair}" must be <idp value>=<${Object.values(Role).join('|')}>`);
    }
    roleMap[from] = role;
  }
  return {
    issuer: issuer.replace(/\/$/, ''),
    audience,
    jwksUri: read.optional('OIDC_JWKS_URI') ?? null,
    usernameClaim: read.string('OIDC_USERNAME_CLAIM', 'preferred_username'),
    nameClaim: read.string('OIDC_NAME_CLAIM', 'name'),
    rolesClaim: read.string('OIDC_ROLES_CLAIM', 'roles'),
    regionClaim: read.string('OIDC_REGION_CLAIM', 'region'),
    dealerClaim: read.string('OIDC_DEALER_CLAIM', 'dealer_id'),
    roleMap,
    algorithms: (read.optional('OIDC_ALGORITHMS') ?? 'RS256,ES256,PS256').split(',').map((s) => s.trim()),
    clockToleranceSeconds: read.int('OIDC_CLOCK_TOLERANCE_SECONDS', 30, 0, 600),
  };
}
