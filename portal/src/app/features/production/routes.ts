import type { Routes } from '@angular/router';

export const PRODUCTION_ROUTES: Routes = [{ path: '', loadComponent: () => import('./production-queue.page').then((m) => m.ProductionQueuePage) }];
