import { RequirementUrgency } from '../requirement-ticket/requirement-ticket.entity';
import { rankByPriority } from './production-queue';

const c = (number: string, grossMargin: number, urgency: RequirementUrgency, customerHealth = 50, signedAt = '2026-11-01T00:00:00Z') =>
  ({ number, grossMargin, urgency, customerHealth, signedAt: new Date(signedAt) });

describe('production queue ranking', () => {
  it('puts high-margin orders first when urgency and health are equal', () => {
    const ranked = rankByPriority([c('HT-1', 0.12, RequirementUrgency.NORMAL), c('HT-2', 0.38, RequirementUrgency.NORMAL), c('HT-3', 0.25, RequirementUrgency.NORMAL)]);
    expect(ranked.map((e) => [e.rank, e.contract.number])).toEqual([[1, 'HT-2'], [2, 'HT-3'], [3, 'HT-1']]);
    expect(ranked[0].priority).toEqual({ score: 63, margin: 38, urgency: 15, health: 10 });
  });

  it('lets urgency and health outweigh a small margin difference', () => {
    const ranked = rankByPriority([c('HT-A', 0.3, RequirementUrgency.LOW, 20), c('HT-B', 0.25, RequirementUrgency.URGENT, 80)]);
    expect(ranked.map((e) => e.contract.number)).toEqual(['HT-B', 'HT-A']);
  });

  it('serves equal scores in signing order', () => {
    const ranked = rankByPriority([c('HT-9', 0.2, RequirementUrgency.HIGH, 50, '2026-11-05T00:00:00Z'), c('HT-8', 0.2, RequirementUrgency.HIGH, 50, '2026-11-02T00:00:00Z')]);
    expect(ranked.map((e) => e.contract.number)).toEqual(['HT-8', 'HT-9']);
  });
});
