import { ChangeDetectionStrategy, Component, ViewEncapsulation } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';
import { TranslatePipe } from '../../shared/translate.pipe';

@Component({
  selector: 'lx-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [RouterLink, NzResultModule, NzButtonModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/result.less',
  template: `
    <nz-result
      nzStatus="404"
      data-testid="result-not-found"
      [nzTitle]="'notFound.title' | t"
      [nzSubTitle]="'notFound.subtitle' | t"
    >
      <div nz-result-extra>
        <a nz-button nzType="primary" routerLink="/">{{ 'common.home' | t }}</a>
      </div>
    </nz-result>
  `,
})
export class NotFoundPage {}
