import { Global, Module } from '@nestjs/common';
import { ChallengeController } from './challenge.controller';
import { ChallengeGuard } from './challenge.guard';
import { ChallengeService } from './challenge.service';
import { ServerSecrets } from './server-secrets';

/** The installation's own keys and the proof-of-work challenge. Global: auth, booking and the waitlist use them. */
@Global()
@Module({
  controllers: [ChallengeController],
  providers: [ServerSecrets, ChallengeService, ChallengeGuard],
  exports: [ServerSecrets, ChallengeService, ChallengeGuard],
})
export class SecurityModule {}
