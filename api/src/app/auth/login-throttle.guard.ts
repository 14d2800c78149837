import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerModuleOptions, ThrottlerRequest, ThrottlerStorage } from '@nestjs/throttler';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';

/**
 * Login attempts per client address: LOGIN_THROTTLE_LIMIT per minute, then 429 with
 * Retry-After. Uses the app's ThrottlerModule storage (in memory, per api instance) with
 * its own counter; the lock-out per account (lockout.ts) holds across instances.
 */
@Injectable()
export class LoginThrottleGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
  }

  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const ttl = 60_000;
    return super.handleRequest({ ...request, limit: this.config.auth.loginThrottleLimit, ttl, blockDuration: ttl });
  }
}
