import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';
import { AuthService } from '../../core/auth/auth.service';
import { TranslatePipe } from '../../shared/translate.pipe';

/** Where the role guard sends users whose role may not open a page. */
@Component({
  selector: 'lx-forbidden-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // ng-zorro's result styles must reach the nz-result children: loaded globally with this page.
  encapsulation: ViewEncapsulation.None,
  imports: [RouterLink, NzResultModule, NzButtonModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/result.less',
  template: `
    <nz-result
      nzStatus="403"
      data-testid="result-forbidden"
      [nzTitle]="'forbidden.title' | t"
      [nzSubTitle]="'forbidden.subtitle' | t"
    >
      <div nz-result-extra>
        <a nz-button nzType="primary" [routerLink]="auth.homeUrl()">{{ 'common.home' | t }}</a>
      </div>
    </nz-result>
  `,
})
export class ForbiddenPage {
  protected readonly auth = inject(AuthService);
}
