import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Caller, CurrentCaller } from '@lianxiao/platform';
import { FINANCE_READERS } from '../finance/finance.resolver';
import { DsoSeries, DsoTrendArgs, ReceivablesAgeing } from './dso.dto';
import { DsoService } from './dso.service';

@Resolver()
export class DsoResolver {
  constructor(private readonly dso: DsoService) {}

  @Query(() => [DsoSeries], { description: 'Monthly DSO (receivables / revenue × days) per company, region or customer, trended / DSO 趋势' })
  @Allow(...FINANCE_READERS)
  dsoTrend(@CurrentCaller() caller: Caller, @Args() args: DsoTrendArgs): Promise<DsoSeries[]> {
    return this.dso.trend(caller, args);
  }

  @Query(() => ReceivablesAgeing, { description: 'Open receivables by age 0–30 / 31–60 / 61–90 / > 90 days / 应收账龄' })
  @Allow(...FINANCE_READERS)
  receivablesAgeing(
    @CurrentCaller() caller: Caller,
    @Args('asOf', { type: () => String, nullable: true, description: 'YYYY-MM-DD, default today' }) asOf?: string,
    @Args('region', { type: () => String, nullable: true }) region?: string,
  ): Promise<ReceivablesAgeing> {
    return this.dso.ageing(caller, asOf ?? undefined, region ?? undefined);
  }
}
