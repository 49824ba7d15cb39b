import type { Routes } from '@angular/router';

export const WHAT_IF_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./what-if.page').then((m) => m.WhatIfPage) },
];
