import type { Routes } from '@angular/router';

export const STAGE_MODEL_ROUTES: Routes = [{ path: '', loadComponent: () => import('./stage-model.page').then((m) => m.StageModelPage) }];
