import { ScheduledJobLease } from './scheduled-job-lease.entity';

/** Add to a service's entity list (and SchedulingLease1795900000100 to its MySQL migrations). */
export const SCHEDULING_ENTITIES = [ScheduledJobLease];
