import './analytics-indexes';
import { Module } from '@nestjs/common';
import { AnalyticsService } from './analytics.service';
import { AnalyticsResolver } from './analytics.resolver';
import { AnalyticsDemoSeedService } from './analytics-demo-seed.service';

@Module({
  providers: [AnalyticsService, AnalyticsResolver, AnalyticsDemoSeedService],
  exports: [AnalyticsService],
})
export class AnalyticsModule {}
