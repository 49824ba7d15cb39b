import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { Apollo, gql } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { AuthTokens, type TokenPair } from './auth-tokens';
import { HQ_ROLES, type Role, type Viewer } from './viewer';

const LOGIN = gql<{ login: TokenPair }, { username: string; password: string }>`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      accessToken
      refreshToken
      expiresIn
    }
  }
`;

const LOGOUT = gql<{ logout: boolean }, Record<string, never>>`
  mutation Logout {
    logout
  }
`;

const ME = gql<{ me: Viewer | null }, Record<string, never>>`
  query Me {
    me {
      id
      username
      displayName
      roles
      region
      dealer {
        id
        code
        name
      }
    }
  }
`;

@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly apollo = inject(Apollo);
  private readonly tokens = inject(AuthTokens);
  private readonly router = inject(Router);

  readonly viewer = signal<Viewer | null>(null);
  readonly isDealer = computed(() => this.viewer()?.roles.includes('DEALER') ?? false);
  readonly isHq = computed(() => this.viewer()?.roles.some((r) => HQ_ROLES.includes(r)) ?? false);

  private loadingViewer: Promise<Viewer | null> | null = null;

  hasToken(): boolean {
    return this.tokens.accessToken() !== null;
  }

  hasAnyRole(roles: readonly Role[]): boolean {
    return this.viewer()?.roles.some((r) => roles.includes(r)) ?? false;
  }

  /** Where a user lands after login: dealers their home page, staff the dashboard. */
  homeUrl(): string {
    const viewer = this.viewer();
    if (viewer && !this.isHq() && viewer.dealer) return '/home';
    return '/dashboard';
  }

  async login(username: string, password: string): Promise<Viewer | null> {
    const result = await firstValueFrom(this.apollo.mutate({ mutation: LOGIN, variables: { username, password } }));
    const pair = result.data?.login;
    if (!pair) throw new Error('login returned no tokens');
    this.tokens.store(pair);
    this.viewer.set(null);
    return this.ensureViewer();
  }

  /** Loads `me` once per session; null when there is no (valid) token. */
  ensureViewer(): Promise<Viewer | null> {
    // The Apollo error link clears tokens when a session cannot be refreshed: forget the viewer too.
    if (!this.hasToken()) {
      this.viewer.set(null);
      return Promise.resolve(null);
    }
    if (this.viewer()) return Promise.resolve(this.viewer());
    this.loadingViewer ??= firstValueFrom(this.apollo.query({ query: ME, fetchPolicy: 'network-only' }))
      .then((result) => {
        const me = result.data?.me ?? null;
        this.viewer.set(me);
        return me;
      })
      .catch(() => null)
      .finally(() => (this.loadingViewer = null));
    return this.loadingViewer;
  }

  async logout(): Promise<void> {
    if (this.hasToken()) {
      try {
        await firstValueFrom(this.apollo.mutate({ mutation: LOGOUT }));
      } catch {
        // The session ends locally whatever the server says.
      }
    }
    this.endSession();
    await this.router.navigateByUrl('/login');
  }

  /** Forgets tokens, viewer and cached data (another user may log in next). */
  endSession(): void {
    this.tokens.clear();
    this.viewer.set(null);
    void this.apollo.client.clearStore();
  }
}
