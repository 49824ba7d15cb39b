import type { Routes } from '@angular/router';

export const TASK_ROUTES: Routes = [{ path: '', loadComponent: () => import('./my-tasks.page').then((m) => m.MyTasksPage) }];
