import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DealerTarget, DealerTargetSplit } from './dealer-target.entity';
import { DealerTargetLine } from './dealer-target-line.entity';
import { TargetService } from './target.service';
import { DealerTargetFieldResolver, TargetResolver } from './target.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([DealerTarget, DealerTargetSplit, DealerTargetLine])],
  providers: [TargetService, TargetResolver, DealerTargetFieldResolver],
  exports: [TargetService],
})
export class TargetModule {}
