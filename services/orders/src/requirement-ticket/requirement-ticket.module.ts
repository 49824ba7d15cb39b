import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RequirementTicket } from './requirement-ticket.entity';
import { RequirementTicketService } from './requirement-ticket.service';
import { RequirementTicketResolver } from './requirement-ticket.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([RequirementTicket])],
  providers: [RequirementTicketService, RequirementTicketResolver],
  exports: [RequirementTicketService],
})
export class RequirementTicketModule {}
