import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SERVICE_CONFIG } from '../bootstrap/tokens';
import type { ServiceConfig } from '../config/service-config';

/** GET /health: liveness and database reachability, for probes and the embedded host. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]).then((result) => ({
      ...result,
      service: this.config.serviceName,
    }));
  }
}
