import type { Routes } from '@angular/router';

export const RECEIPTS_ROUTES: Routes = [{ path: '', loadComponent: () => import('./receipts.page').then((m) => m.ReceiptsPage) }];
