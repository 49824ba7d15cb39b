import { demoWorld } from '@lianxiao/demo-data';

export interface DirectoryUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  region: string | null;
  supervisorId: string | null;
  email: string;
}

/**
 * Reporting lines and addresses of HQ users. Until identity publishes user events
 * (PLATFORM-REQUESTS.md) they come from the demo world, like owner names do; emails are
 * `<username>@<ALERT_EMAIL_DOMAIN or lianxiao.local>`.
 */
export class UserDirectory {
  private readonly byId: Map<string, DirectoryUser>;

  constructor(users: DirectoryUser[]) {
    this.byId = new Map(users.map((u) => [u.id, u]));
  }

  static fromDemoWorld(domain = process.env.ALERT_EMAIL_DOMAIN?.trim() || 'lianxiao.local'): UserDirectory {
    return new UserDirectory(
      demoWorld()
        .users.filter((u) => !u.dealerId)
        .map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, region: u.region, supervisorId: u.supervisorId, email: `${u.username}@${domain}` })),
    );
  }

  get(id: string): DirectoryUser | undefined {
    return this.byId.get(id);
  }

  /** The rep's supervisor by reporting line; when unknown, the supervisors of the region. */
  supervisorsOf(userId: string | null, region: string | null): DirectoryUser[] {
    const supervisor = userId ? this.byId.get(this.byId.get(userId)?.supervisorId ?? '') : undefined;
    if (supervisor) return [supervisor];
    return [...this.byId.values()].filter((u) => u.roles.includes('SUPERVISOR') && region !== null && u.region === region);
  }

  directors(): DirectoryUser[] {
    return [...this.byId.values()].filter((u) => u.roles.includes('DIRECTOR'));
  }
}
