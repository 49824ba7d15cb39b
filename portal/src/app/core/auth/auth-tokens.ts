import { Injectable, signal } from '@angular/core';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

const ACCESS_KEY = 'lianxiao.accessToken';
const REFRESH_KEY = 'lianxiao.refreshToken';
const EXPIRES_KEY = 'lianxiao.expiresAt';

const REFRESH_MUTATION = `mutation RefreshToken($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) { accessToken refreshToken expiresIn }
}`;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * Holds the token pair in localStorage and refreshes it. The refresh call uses plain fetch on
 * purpose: going through Apollo would run it through the link that triggered the refresh.
 */
@Injectable({ providedIn: 'root' })
export class AuthTokens {
  readonly accessToken = signal<string | null>(read(ACCESS_KEY));
  private refreshing: Promise<boolean> | null = null;

  refreshToken(): string | null {
    return read(REFRESH_KEY);
  }

  store(pair: TokenPair): void {
    localStorage.setItem(ACCESS_KEY, pair.accessToken);
    localStorage.setItem(REFRESH_KEY, pair.refreshToken);
    localStorage.setItem(EXPIRES_KEY, String(Date.now() + pair.expiresIn * 1000));
    this.accessToken.set(pair.accessToken);
  }

  clear(): void {
    for (const key of [ACCESS_KEY, REFRESH_KEY, EXPIRES_KEY]) {
      try {
        localStorage.removeItem(key);
      } catch {
        // Storage unavailable: nothing to clear.
      }
    }
    this.accessToken.set(null);
  }

  /** Exchanges the refresh token once; concurrent callers share the same attempt. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    const refreshToken = this.refreshToken();
    if (!refreshToken) return false;
    try {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: JSON.stringify({ operationName: 'RefreshToken', query: REFRESH_MUTATION, variables: { refreshToken } }),
      });
      const body = (await response.json()) as { data?: { refreshToken?: TokenPair | null } };
      const pair = body.data?.refreshToken;
      if (!pair?.accessToken) {
        this.clear();
        return false;
      }
      this.store(pair);
      return true;
    } catch {
      return false;
    }
  }
}
