import { RequirementUrgency } from '../requirement-ticket/requirement-ticket.entity';
import { DEFAULT_CUSTOMER_HEALTH, priorityOf } from './priority';

describe('capacity priority', () => {
  it('weighs margin 50 %, urgency 30 %, health 20 % and shows each contribution', () => {
    expect(priorityOf(0.32, RequirementUrgency.NORMAL)).toEqual({ score: 57, margin: 32, urgency: 15, health: 10 });
    expect(priorityOf(0.5, RequirementUrgency.URGENT, 100)).toEqual({ score: 100, margin: 50, urgency: 30, health: 20 });
  });

  it('assumes customer health 50 until incentives tells us', () => {
    expect(DEFAULT_CUSTOMER_HEALTH).toBe(50);
    expect(priorityOf(0.2, RequirementUrgency.LOW).health).toBe(10);
  });

  it('puts a high-margin order ahead of a low-margin one of the same urgency and health', () => {
    expect(priorityOf(0.4, RequirementUrgency.HIGH, 60).score).toBeGreaterThan(priorityOf(0.15, RequirementUrgency.HIGH, 60).score);
  });

  it('caps margin at 50 % and clamps health to 0–100', () => {
    expect(priorityOf(0.9, RequirementUrgency.LOW, 150)).toEqual({ score: 77.5, margin: 50, urgency: 7.5, health: 20 });
    expect(priorityOf(-0.1, RequirementUrgency.LOW, -5)).toEqual({ score: 7.5, margin: 0, urgency: 7.5, health: 0 });
  });
});
