import type { Routes } from '@angular/router';

export const CUSTOMER_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./customer-list.page').then((m) => m.CustomerListPage) },
  { path: ':id', loadComponent: () => import('./customer-detail.page').then((m) => m.CustomerDetailPage) },
];
