import { NextStepInput, recommendNextStep } from './next-step';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-11-23T02:00:00Z'); // 10:00 in China, business date 2026-11-23
const base = (over: Partial<NextStepInput> = {}): NextStepInput => ({
  stage: 'SAMPLING',
  node: 'SAMPLE_MADE',
  completedNodes: new Set<string>(),
  lastFollowUpAt: null,
  lastInteractionAt: new Date(now.getTime() - DAY),
  nextActionDate: null,
  nextStage: { code: 'QUOTATION', nameZh: '报价', nameEn: 'Quotation' },
  missingForNextStage: [],
  ...over,
});

describe('next-step recommendation', () => {
  it('sample sent and no follow-up for 7 days → escalate to the supervisor', () => {
    const step = recommendNextStep(base({ completedNodes: new Set(['SAMPLE_SENT']), lastFollowUpAt: new Date(now.getTime() - 7 * DAY) }), now);
    expect(step.code).toBe('ESCALATE_TO_SUPERVISOR');
    expect(step.messageZh).toContain('7 天');
  });

  it('sample sent 6 days ago is not escalated yet', () => {
    const step = recommendNextStep(base({ completedNodes: new Set(['SAMPLE_SENT']), lastFollowUpAt: new Date(now.getTime() - 6 * DAY) }), now);
    expect(step.code).not.toBe('ESCALATE_TO_SUPERVISOR');
  });

  it('no escalation once the test report is in', () => {
    const step = recommendNextStep(base({ completedNodes: new Set(['SAMPLE_SENT', 'SAMPLE_TEST_REPORT']), lastInteractionAt: new Date(now.getTime() - 30 * DAY) }), now);
    expect(step.code).toBe('MOVE_TO_NEXT_STAGE');
  });

  it('next action date passed → update the next action', () => {
    expect(recommendNextStep(base({ nextActionDate: '2026-11-22' }), now).code).toBe('UPDATE_NEXT_ACTION');
    expect(recommendNextStep(base({ nextActionDate: '2026-11-23' }), now).code).not.toBe('UPDATE_NEXT_ACTION');
  });

  it('otherwise the first item missing for the next stage', () => {
    const step = recommendNextStep(
      base({
        stage: 'QUOTATION',
        nextStage: { code: 'TRIAL', nameZh: '试产评估', nameEn: 'Trial-production evaluation' },
        missingForNextStage: [
          { kind: 'node', code: 'TECH_ALIGNED', nameZh: '技术对齐', nameEn: 'Technical alignment done' },
          { kind: 'evidence', code: 'SAMPLE_TEST_REPORT', nameZh: '样品测试报告', nameEn: 'sample test report' },
        ],
      }),
      now,
    );
    expect(step).toEqual({ code: 'COMPLETE_NODE', messageZh: '下一步：完成节点技术对齐', messageEn: 'Next: complete the node Technical alignment done' });
  });

  it('last stage with nothing to do → keep in touch', () => {
    expect(recommendNextStep(base({ stage: 'DELIVERY', nextStage: null }), now).code).toBe('KEEP_IN_TOUCH');
  });
});
