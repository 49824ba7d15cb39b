import type { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { echarts } from './dealer-echarts';

export const DEALER_HOME_ROUTES: Routes = [
  { path: '', providers: [provideEchartsCore({ echarts })], loadComponent: () => import('./dealer-home.page').then((m) => m.DealerHomePage) },
];
