export * from './dealer.entity';
export * from './dealer-contact.entity';
export * from './territory.entity';
export * from './dealer.module';
