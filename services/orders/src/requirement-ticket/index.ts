export * from './requirement-ticket.entity';
export * from './requirement-ticket.service';
export * from './requirement-ticket.module';
export * from './technical-spec';
