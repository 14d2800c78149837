import { Global, Module } from '@nestjs/common';
import { ChallengeController } from './challenge.controller';
import { ChallengeGuard } from './challenge.guard';
import { ChallengeService } from './challenge.service';
import { SecurityRepository } from './security.repository';
import { ServerSecrets } from './server-secrets';

/** The installation's own keys and the proof-of-work challenge. Global: auth, booking and the waitlist use them. */
@Global()
@Module({
  controllers: [ChallengeController],
  providers: [SecurityRepository, ServerSecrets, ChallengeService, ChallengeGuard],
  exports: [ServerSecrets, ChallengeService, ChallengeGuard, SecurityRepository],
})
export class SecurityModule {}
