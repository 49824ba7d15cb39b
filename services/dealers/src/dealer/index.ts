export * from './dealer.entity';
export * from './territory.entity';
export * from './dealer.module';
