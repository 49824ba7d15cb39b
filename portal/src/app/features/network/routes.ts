import type { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { echarts } from './network-echarts';

export const NETWORK_ROUTES: Routes = [
  { path: '', providers: [provideEchartsCore({ echarts })], loadComponent: () => import('./network.page').then((m) => m.NetworkPage) },
];
