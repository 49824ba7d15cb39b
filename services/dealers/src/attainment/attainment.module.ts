import { Module } from '@nestjs/common';
import { AttainmentResolver } from './attainment.resolver';

/** Target attainment (actual sell-through vs target) for the dealer home page and HQ. */
@Module({ providers: [AttainmentResolver] })
export class AttainmentModule {}
