import type { Routes } from '@angular/router';

export const ERP_FEED_ROUTES: Routes = [{ path: '', loadComponent: () => import('./erp-feed.page').then((m) => m.ErpFeedPage) }];
