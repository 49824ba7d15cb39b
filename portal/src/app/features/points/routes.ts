import type { Routes } from '@angular/router';

export const POINTS_ROUTES: Routes = [{ path: '', loadComponent: () => import('./points.page').then((m) => m.PointsPage) }];
