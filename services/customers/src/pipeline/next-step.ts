import { MissingItem } from './stage-condition-check';

export const ESCALATION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface NextStepInput {
  stage: string;
  node: string;
  completedNodes: ReadonlySet<string>;
  /** Latest follow-up time, or null when there is none. */
  lastFollowUpAt: Date | null;
  lastInteractionAt: Date;
  /** YYYY-MM-DD or null. */
  nextActionDate: string | null;
  /** The next stage forward (null at the last stage) and what it still needs. */
  nextStage: { code: string; nameZh: string; nameEn: string } | null;
  missingForNextStage: readonly MissingItem[];
}

export interface NextStep {
  code: string;
  messageZh: string;
  messageEn: string;
}

/** YYYY-MM-DD of an instant in China time (UTC+8), the business calendar. */
export function businessDateOf(now: Date): string {
  return new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * The next step proposed for a customer, most urgent first. Pure: `now` comes from the caller's clock.
 * 1. Sampling, sample sent, no test report and no follow-up for 7 days → escalate to the supervisor.
 * 2. Next action date passed → update the next action.
 * 3. Otherwise the first item still missing for the next stage, or move on when nothing is missing.
 */
export function recommendNextStep(input: NextStepInput, now: Date): NextStep {
  const lastTouch = input.lastFollowUpAt ?? input.lastInteractionAt;
  const sampleSent = input.completedNodes.has('SAMPLE_SENT') || input.node === 'SAMPLE_SENT';
  const feedback = input.completedNodes.has('SAMPLE_TEST_REPORT');
  if (input.stage === 'SAMPLING' && sampleSent && !feedback && now.getTime() - lastTouch.getTime() >= ESCALATION_DAYS * DAY_MS) {
    const days = Math.floor((now.getTime() - lastTouch.getTime()) / DAY_MS);
    return {
      code: 'ESCALATE_TO_SUPERVISOR',
      messageZh: `样品已寄出 ${days} 天无反馈，建议升级给主管`,
      messageEn: `Sample sent and no feedback for ${days} days: escalate to the supervisor`,
    };
  }
  if (input.nextActionDate && input.nextActionDate < businessDateOf(now)) {
    return {
      code: 'UPDATE_NEXT_ACTION',
      messageZh: `下次行动日期（${input.nextActionDate}）已过，请跟进并更新下次行动`,
      messageEn: `The next action date (${input.nextActionDate}) has passed: follow up and set the next action`,
    };
  }
  const [first] = input.missingForNextStage;
  if (first) {
    const verb = {
      node: { code: 'COMPLETE_NODE', zh: '完成节点', en: 'complete the node' },
      field: { code: 'FILL_FIELD', zh: '填写', en: 'fill in the' },
      evidence: { code: 'ADD_EVIDENCE', zh: '上传', en: 'upload the' },
    }[first.kind];
    return { code: verb.code, messageZh: `下一步：${verb.zh}${first.nameZh}`, messageEn: `Next: ${verb.en} ${first.nameEn}` };
  }
  if (input.nextStage) {
    return {
      code: 'MOVE_TO_NEXT_STAGE',
      messageZh: `条件已满足，可推进到${input.nextStage.nameZh}`,
      messageEn: `All conditions met: move on to ${input.nextStage.nameEn}`,
    };
  }
  return { code: 'KEEP_IN_TOUCH', messageZh: '保持定期跟进', messageEn: 'Keep in regular touch' };
}
