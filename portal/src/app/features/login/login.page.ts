import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';

@Component({
  selector: 'lx-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  host: { class: 'lx-login' },
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, NzButtonModule, NzIconModule, NzAlertModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/form-page.less',
  styles: `
    .lx-login {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      min-height: 100vh;
      padding: 16px;
      background: linear-gradient(160deg, #001529 0%, #003a70 100%);
    }
    .lx-login-lang {
      position: absolute;
      top: 12px;
      right: 12px;
      color: #fff;
    }
    .lx-login-card {
      width: 100%;
      max-width: 380px;
      padding: 32px 28px 12px;
      background: #fff;
      border-radius: 8px;
      box-shadow: 0 8px 24px rgba(0, 0, 0, 0.25);
    }
    .lx-login-card h1 {
      margin: 0;
      font-size: 22px;
      text-align: center;
    }
    .lx-login-subtitle {
      margin: 4px 0 24px;
      color: rgba(0, 0, 0, 0.45);
      text-align: center;
    }
    .lx-login-error {
      margin-bottom: 16px;
    }
  `,
  template: `
    <button nz-button nzType="text" class="lx-login-lang" data-testid="lang-switch" (click)="i18n.toggle()">
      <nz-icon nzType="global" />{{ 'lang.switch' | t }}
    </button>
    <form class="lx-login-card" nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()">
      <h1>{{ 'login.title' | t }}</h1>
      <p class="lx-login-subtitle">{{ 'app.subtitle' | t }}</p>
      @if (error(); as message) {
        <nz-alert class="lx-login-error" nzType="error" nzShowIcon [nzMessage]="message" data-testid="login-error" />
      }
      <nz-form-item>
        <nz-form-control [nzErrorTip]="'login.usernameRequired' | t">
          <nz-input-group nzSize="large" [nzPrefix]="userIcon">
            <input
              nz-input
              formControlName="username"
              name="username"
              autocomplete="username"
              data-testid="login-username"
              [placeholder]="'login.username' | t"
            />
          </nz-input-group>
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-control [nzErrorTip]="'login.passwordRequired' | t">
          <nz-input-group nzSize="large" [nzPrefix]="lockIcon">
            <input
              nz-input
              type="password"
              formControlName="password"
              name="password"
              autocomplete="current-password"
              data-testid="login-password"
              [placeholder]="'login.password' | t"
            />
          </nz-input-group>
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <button nz-button nzType="primary" nzSize="large" nzBlock type="submit" data-testid="login-submit" [nzLoading]="busy()">
          {{ 'login.submit' | t }}
        </button>
      </nz-form-item>
    </form>
    <ng-template #userIcon><nz-icon nzType="user" /></ng-template>
    <ng-template #lockIcon><nz-icon nzType="lock" /></ng-template>
  `,
})
export class LoginPage {
  protected readonly i18n = inject(I18nService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Bound from the query string by the router (set by the auth guard). */
  readonly returnUrl = input<string>();

  protected readonly busy = signal(false);
  /** The raw error, so the message follows a language switch. */
  private readonly lastError = signal<unknown>(null);
  protected readonly error = computed(() => {
    const err = this.lastError();
    return err ? graphqlErrorMessage(err, this.i18n.lang(), this.i18n.t('login.failed')) : null;
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity();
      }
      return;
    }
    this.busy.set(true);
    this.lastError.set(null);
    try {
      const { username, password } = this.form.getRawValue();
      await this.auth.login(username.trim(), password);
      const target = this.returnUrl();
      // Only same-app paths: never follow a returnUrl to another origin.
      await this.router.navigateByUrl(target?.startsWith('/') && !target.startsWith('//') ? target : this.auth.homeUrl());
    } catch (err) {
      this.lastError.set(err);
    } finally {
      this.busy.set(false);
    }
  }
}
