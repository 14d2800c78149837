import { Global, Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { LoginThrottleGuard } from './login-throttle.guard';
import { StaffGuard } from './staff.guard';

/**
 * Staff accounts and sessions. Global, so that any controller can use `@Staff(...)`
 * (staff.guard.ts) without importing this module.
 */
@Global()
@Module({
  controllers: [AuthController],
  providers: [AuthRepository, AuthService, StaffGuard, LoginThrottleGuard],
  exports: [AuthService, StaffGuard],
})
export class AuthModule {}
