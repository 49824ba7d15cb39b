import * as path from 'node:path';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SERVICE_CONFIG, ServiceConfig } from '@lianxiao/platform';
import { RequirementTicket } from './requirement-ticket.entity';
import { RequirementTicketService } from './requirement-ticket.service';
import { RequirementTicketResolver } from './requirement-ticket.resolver';
import { TicketDrawing } from './ticket-drawing.entity';
import { TicketDrawingService } from './ticket-drawing.service';
import { TicketDrawingResolver } from './ticket-drawing.resolver';
import { DRAWING_STORAGE, LocalDiskDrawingStorage } from './drawing-storage';

@Module({
  imports: [TypeOrmModule.forFeature([RequirementTicket, TicketDrawing])],
  providers: [
    RequirementTicketService,
    RequirementTicketResolver,
    TicketDrawingService,
    TicketDrawingResolver,
    { provide: DRAWING_STORAGE, inject: [SERVICE_CONFIG], useFactory: (config: ServiceConfig) => new LocalDiskDrawingStorage(path.join(config.dataDir, 'files', 'orders')) },
  ],
  exports: [RequirementTicketService],
})
export class RequirementTicketModule {}
