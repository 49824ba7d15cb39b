import { DynamicModule, Global, Injectable, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScheduledJobs, type ScheduledJobsOptions } from './scheduled-jobs';

@Injectable()
class SchedulingLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(private readonly jobs: ScheduledJobs) {}

  onApplicationBootstrap(): void {
    // Jobs are registered in onModuleInit of the feature modules, which has run by now.
    if (process.env.SCHEDULER_DISABLED !== '1') this.jobs.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.jobs.stop();
  }
}

/**
 * Provides `ScheduledJobs` on the service's DataSource (with ScheduledJobLease among its entities)
 * and starts ticking once the application has bootstrapped. Register jobs in `onModuleInit`.
 * `SCHEDULER_TICK_MS` overrides the tick; `SCHEDULER_DISABLED=1` keeps a replica from running jobs.
 */
@Global()
@Module({})
export class SchedulingModule {
  static forRoot(options: Omit<ScheduledJobsOptions, 'clock'> = {}): DynamicModule {
    const tickFromEnv = Number(process.env.SCHEDULER_TICK_MS);
    return {
      module: SchedulingModule,
      providers: [
        {
          provide: ScheduledJobs,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new ScheduledJobs(dataSource, { tickMs: Number.isFinite(tickFromEnv) && tickFromEnv > 0 ? tickFromEnv : undefined, ...options }),
        },
        SchedulingLifecycle,
      ],
      exports: [ScheduledJobs],
    };
  }
}
