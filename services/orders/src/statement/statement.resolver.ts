import { Args, Float, ID, Mutation, Parent, Query, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Caller, CurrentCaller, DomainError, Public, Role } from '@lianxiao/platform';
import { CustomerRef } from '../customer-ref/customer-ref.type';
import { Statement } from './statement.entity';
import { StatementConnection, StatementFile, StatementForCustomer, StatementListArgs, StatementResponse } from './statement.dto';
import { StatementService } from './statement.service';

export enum StatementFormat {
  PDF = 'PDF',
  XLSX = 'XLSX',
}
registerEnumType(StatementFormat, { name: 'StatementFormat' });

const STATEMENT_READERS = [Role.FINANCE, Role.DIRECTOR, Role.ADMIN, Role.SUPERVISOR] as const;

@Resolver(() => Statement)
export class StatementResolver {
  constructor(private readonly statementService: StatementService) {}

  @Query(() => StatementConnection, { description: 'Monthly customer statements (supervisors their region) / 对账单列表' })
  @Allow(...STATEMENT_READERS)
  statements(@CurrentCaller() caller: Caller, @Args() args: StatementListArgs): Promise<StatementConnection> {
    return this.statementService.list(caller, args);
  }

  @Query(() => StatementFile, { description: 'A statement as PDF or XLSX (base64) / 下载对账单' })
  @Allow(...STATEMENT_READERS)
  statementDocument(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('format', { type: () => StatementFormat }) format: StatementFormat,
  ): Promise<StatementFile> {
    return this.statementService.document(caller, id, format);
  }

  @Mutation(() => [Statement], {
    description: 'Generate the statements of a month (YYYY-MM) for every customer with activity or an open balance, or one customer; already generated ones are kept; mail goes out in the background / 生成月度对账单',
  })
  @Allow(Role.FINANCE, Role.ADMIN)
  generateStatements(
    @CurrentCaller() caller: Caller,
    @Args('month') month: string,
    @Args('customerId', { type: () => ID, nullable: true }) customerId?: string,
  ): Promise<Statement[]> {
    return this.statementService.generate(month, caller.userId, customerId ?? undefined);
  }

  @Mutation(() => Statement, { description: 'Send a statement again with a new confirmation link (not once answered) / 重发对账单' })
  @Allow(Role.FINANCE, Role.ADMIN)
  resendStatement(@Args('id', { type: () => ID }) id: string): Promise<Statement> {
    return this.statementService.resend(id);
  }

  @Query(() => StatementForCustomer, { description: 'The statement behind a confirmation link (no login) / 对账确认页' })
  @Public()
  statementForConfirmation(@Args('token') token: string): Promise<StatementForCustomer> {
    return this.statementService.forCustomer(token);
  }

  @Mutation(() => StatementResponse, { description: 'The customer confirms the statement with its figure (no login; > 5% off ours alerts finance) / 客户确认对账单' })
  @Public()
  confirmStatement(
    @Args('token') token: string,
    @Args('confirmedAmount', { type: () => Float }) confirmedAmount: number,
    @Args('comment', { type: () => String, nullable: true }) comment?: string,
  ): Promise<StatementResponse> {
    return this.statementService.respond(token, 'CONFIRM', confirmedAmount, comment);
  }

  @Mutation(() => StatementResponse, { description: 'The customer disputes the statement with its figure and a comment (no login; alerts finance) / 客户对账单异议' })
  @Public()
  disputeStatement(
    @Args('token') token: string,
    @Args('amount', { type: () => Float }) amount: number,
    @Args('comment') comment: string,
  ): Promise<StatementResponse> {
    return this.statementService.respond(token, 'DISPUTE', amount, comment);
  }

  @ResolveField('customer', () => CustomerRef, { description: 'The customer, resolved by the customers subgraph' })
  @Allow(...STATEMENT_READERS)
  customer(@Parent() s: Statement): CustomerRef {
    if (!s.customerId) throw DomainError.notFound('Customer', '客户');
    return { id: s.customerId };
  }
}
