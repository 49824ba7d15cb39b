export * from './new-hire-ramp.service';
