import { Index } from 'typeorm';
import { Customer } from '../customer';
import { FollowUp, StageTransition } from '../pipeline';

/**
 * Indexes for the analytics queries, declared here (next to the queries that need them) rather
 * than on the entities other modules own. TypeORM decorators are plain functions recording
 * metadata, so applying them to the classes at import time is the same as writing them on the
 * class; this file is imported by the analytics module before the data source starts.
 */
// Covering for the funnel/heatmap count: the working-set columns (merged, archived) are in the index,
// so the grouped count reads the index alone instead of every customer row.
Index('IDX_customer_region_stage', ['region', 'industry', 'stage', 'mergedIntoId', 'archivedAt'])(Customer);
Index('IDX_customer_industry_stage', ['industry', 'stage'])(Customer);
Index('IDX_customer_owner_stage', ['ownerId', 'stage'])(Customer);
Index('IDX_customer_next_action', ['nextActionDate'])(Customer);
Index('IDX_follow_up_created', ['createdAt'])(FollowUp);
// Covering for time in stage (grouped by stage and whole days).
Index('IDX_stage_transition_from_days', ['fromStage', 'daysInPreviousStage'])(StageTransition);

export const ANALYTICS_INDEXES = ['IDX_customer_region_stage', 'IDX_customer_industry_stage', 'IDX_customer_owner_stage', 'IDX_customer_next_action', 'IDX_follow_up_created', 'IDX_stage_transition_from_days'] as const;
