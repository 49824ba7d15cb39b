import type { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { echarts } from './targets-echarts';

export const TARGETS_ROUTES: Routes = [
  { path: '', providers: [provideEchartsCore({ echarts })], loadComponent: () => import('./targets.page').then((m) => m.TargetsPage) },
];
