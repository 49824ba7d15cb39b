import type { Routes } from '@angular/router';

export const REPORT_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./report.page').then((m) => m.ReportPage) },
];
