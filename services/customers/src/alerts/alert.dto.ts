import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@lianxiao/platform';
import { Alert } from './alert.entity';
import { AlertChannel, AlertSeverity } from './alert-vocabulary';

@ObjectType()
export class AlertConnection extends Connection(Alert) {}

@ArgsType()
export class AlertListArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'true: open only; false: resolved only; omitted: both' }) open?: boolean | null;
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => String, { nullable: true }) ruleCode?: string | null;
  @Field(() => AlertSeverity, { nullable: true }) severity?: AlertSeverity | null;
}

@InputType({ description: 'Changes to an alert rule; omitted fields stay as they are / 修改预警规则' })
export class UpdateAlertRuleInput {
  @Field(() => Float, { nullable: true }) threshold?: number | null;
  @Field(() => Boolean, { nullable: true }) enabled?: boolean | null;
  @Field(() => [AlertChannel], { nullable: true }) channels?: AlertChannel[] | null;
  @Field(() => String, { nullable: true, description: 'Empty string clears it' }) wecomWebhookUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'Empty string clears it' }) dingtalkWebhookUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'DingTalk 加签 secret (write-only)' }) dingtalkSecret?: string | null;
  @Field(() => [String], { nullable: true }) emailTo?: string[] | null;
}

@ObjectType({ description: 'What one evaluation of the alert rules did / 预警扫描结果' })
export class AlertSweepResult {
  @Field() at: Date;
  @Field(() => Int) evaluatedCustomers: number;
  @Field(() => Int) resolved: number;
  @Field(() => [Alert], { description: 'Alerts raised by this evaluation (open ones are not raised again)' }) raised: Alert[];
}
