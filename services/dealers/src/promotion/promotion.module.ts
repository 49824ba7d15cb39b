import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TargetModule } from '../target';
import { PromotionPlan } from './promotion-plan.entity';
import { PromotionPlanResolver, TargetPromotionPlansResolver } from './promotion-plan.resolver';
import { PromotionPlanService } from './promotion-plan.service';

/** Local promotion plans linked to a dealer's target year (issue 8, item 2). */
@Module({
  imports: [TypeOrmModule.forFeature([PromotionPlan]), TargetModule],
  providers: [PromotionPlanService, PromotionPlanResolver, TargetPromotionPlansResolver],
})
export class PromotionModule {}
