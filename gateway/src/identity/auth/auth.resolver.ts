import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, Caller, CurrentCaller, DomainError, Public } from '@lianxiao/platform';
import { AuthPayload } from './auth.dto';
import { AuthService } from './auth.service';

const MAX_CREDENTIAL_LENGTH = 256;

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload, { description: 'Sign in with username and password / 登录' })
  @Public()
  login(@Args('username') username: string, @Args('password') password: string): Promise<AuthPayload> {
    if (!username.trim() || !password || username.length > MAX_CREDENTIAL_LENGTH || password.length > MAX_CREDENTIAL_LENGTH) {
      throw DomainError.validation([{ field: 'username', messageZh: '请输入用户名和密码', messageEn: 'Enter a username and a password' }]);
    }
    return this.auth.login(username, password);
  }

  @Mutation(() => AuthPayload, { description: 'New tokens for a refresh token; the old one stops working / 刷新令牌' })
  @Public()
  refreshToken(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return this.auth.refresh(refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Sign out: revokes the refresh token (or all of them) / 退出登录' })
  @Authenticated()
  logout(@CurrentCaller() caller: Caller, @Args('refreshToken', { nullable: true }) refreshToken?: string): Promise<boolean> {
    return this.auth.logout(caller, refreshToken);
  }
}
