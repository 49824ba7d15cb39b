import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';
import type { Role } from './viewer';

/** Lets signed-in users through once `me` is loaded; sends others to /login. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const viewer = await auth.ensureViewer();
  if (viewer) return true;
  return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** Keeps signed-in users away from the login page. */
export const guestGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const viewer = await auth.ensureViewer();
  return viewer ? inject(Router).parseUrl(auth.homeUrl()) : true;
};

/** Route-level role check; the API enforces the same rule, this only avoids a dead page. */
export function roleGuard(roles: readonly Role[]): CanActivateFn {
  return () => {
    const auth = inject(AuthService);
    return auth.hasAnyRole(roles) ? true : inject(Router).parseUrl('/forbidden');
  };
}

/** Sends `/` to the user's home page. */
export const homeRedirectGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return inject(Router).parseUrl(auth.homeUrl());
};
