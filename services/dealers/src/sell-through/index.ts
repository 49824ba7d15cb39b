export * from './sell-through-receipt.entity';
export * from './receipt-rules';
export * from './sell-through.module';
export * from './flag-dispute.entity';
