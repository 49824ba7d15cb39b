import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject } from '@angular/core';
import { NzResultModule } from 'ng-zorro-antd/result';
import { AuthService } from '../../core/auth/auth.service';
import { TranslatePipe } from '../../shared/translate.pipe';

/** Placeholder until the dashboard issue lands (charts will live in this lazy route). */
@Component({
  selector: 'lx-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [NzResultModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/card-page.less',
  template: `
    <div class="lx-page-header">
      <h1 class="lx-page-title">{{ 'dashboard.title' | t }}</h1>
    </div>
    <nz-result
      nzStatus="info"
      data-testid="dashboard"
      [nzTitle]="'dashboard.welcome' | t: { name: auth.viewer()?.displayName ?? '' }"
      [nzSubTitle]="'dashboard.placeholder' | t"
    />
  `,
})
export class DashboardPage {
  protected readonly auth = inject(AuthService);
}
