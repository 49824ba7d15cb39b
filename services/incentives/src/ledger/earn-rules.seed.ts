import type { EntityManager } from 'typeorm';
import { DEFAULT_EARN_RULES } from './earn-rules';
import { PointsEarnRule } from './points-earn-rule.entity';

/** Inserts the default rules that are missing (never overwrites an edited rule). Returns how many. */
export async function ensureEarnRules(manager: EntityManager): Promise<number> {
  const repo = manager.getRepository(PointsEarnRule);
  const present = new Set((await repo.find({ select: { code: true } })).map((r) => r.code));
  const missing = DEFAULT_EARN_RULES.filter((r) => !present.has(r.code));
  if (missing.length) await repo.insert(missing.map((r) => ({ ...r })));
  return missing.length;
}
