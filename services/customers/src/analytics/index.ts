import './analytics-indexes';
export * from './analytics.module';
export * from './analytics.service';
export * from './analytics.dto';
export * from './obstacle-words';
export * from './payment-risk';
export * from './funnel-math';
export * from './analytics-history';
