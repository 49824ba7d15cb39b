import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import * as bcrypt from 'bcryptjs';
import { createLogger, SERVICE_CONFIG, ServiceConfig } from '@lianxiao/platform';
import { DEMO_PASSWORD, demoWorld } from '@lianxiao/demo-data';
import { User } from '../user/user.entity';

/** Embedded mode: the demo users (password `lianxiao`) on first start. */
@Injectable()
export class DemoUsersSeedService implements OnApplicationBootstrap {
  private readonly logger = createLogger('identity.seed');
  constructor(private readonly db: DataSource, @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const repo = this.db.getRepository(User);
    if ((await repo.count()) > 0) return;
    // One hash for all demo users: they share the demo password, and 50 bcrypt rounds would cost seconds.
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
    const users = demoWorld().users.map((u) => ({
      id: u.id, username: u.username, displayName: u.displayName, passwordHash, roles: u.roles, region: u.region,
      supervisorId: u.supervisorId, dealerId: u.dealerId, active: true, failedLogins: 0, lockedUntil: null, hiredAt: new Date(u.hiredAt),
    }));
    await repo.insert(users);
    this.logger.info({ users: users.length }, 'demo users seeded');
  }
}
