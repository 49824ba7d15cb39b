import type { Routes } from '@angular/router';

export const DEALER_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./dealer-list.page').then((m) => m.DealerListPage) },
  { path: ':id', loadComponent: () => import('./dealer-detail.page').then((m) => m.DealerDetailPage) },
];
