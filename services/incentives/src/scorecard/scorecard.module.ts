import { Module } from '@nestjs/common';
import { ScorecardService } from './scorecard.service';
import { ScorecardResolver } from './scorecard.resolver';
import { ScorecardDemoSeedService } from './scorecard-demo-seed.service';
import { NewHireRampService } from '../behaviour/new-hire-ramp.service';

@Module({
  providers: [ScorecardService, ScorecardResolver, ScorecardDemoSeedService, NewHireRampService],
  exports: [ScorecardService],
})
export class ScorecardModule {}
