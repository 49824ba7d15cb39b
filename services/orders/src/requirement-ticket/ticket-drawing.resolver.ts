import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Caller, CurrentCaller, groupByKey, HQ_ROLES, requestLoader, RequestContext, Role } from '@lianxiao/platform';
import { RequirementTicket } from './requirement-ticket.entity';
import { AttachDrawingInput, DrawingFile, TicketDrawing } from './ticket-drawing.entity';
import { TicketDrawingService } from './ticket-drawing.service';

@Resolver(() => RequirementTicket)
export class TicketDrawingResolver {
  constructor(private readonly drawingService: TicketDrawingService) {}

  @Mutation(() => TicketDrawing, { description: 'Attach a drawing (PDF/PNG/JPEG/DWG/DXF, ≤ 20 MB) to a ticket / 上传图纸' })
  @Allow(Role.REP, Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN)
  attachTicketDrawing(
    @CurrentCaller() caller: Caller,
    @Args('ticketId', { type: () => ID }) ticketId: string,
    @Args('input') input: AttachDrawingInput,
  ): Promise<TicketDrawing> {
    return this.drawingService.attach(caller, ticketId, input);
  }

  @Query(() => DrawingFile, { description: 'Download a drawing of a ticket in your scope / 下载图纸' })
  @Allow(...HQ_ROLES)
  ticketDrawingFile(@CurrentCaller() caller: Caller, @Args('drawingId', { type: () => ID }) drawingId: string): Promise<DrawingFile> {
    return this.drawingService.file(caller, drawingId);
  }

  @ResolveField('drawings', () => [TicketDrawing], { description: 'Drawings attached to the ticket / 图纸' })
  @Allow(...HQ_ROLES)
  drawings(@Parent() ticket: RequirementTicket, @Context() ctx: RequestContext): Promise<TicketDrawing[]> {
    return requestLoader<string, TicketDrawing[]>(ctx, 'drawings-by-ticket', async (ids) => groupByKey(ids, await this.drawingService.drawingsOf(ids), (d) => d.ticketId)).load(ticket.id);
  }
}
