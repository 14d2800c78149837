import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';
import { CitizenController, PublicConfigController } from './citizen.controller';
import { CitizenService } from './citizen.service';
import { OidcClient } from './oidc.client';

/** Citizens' sign-in with SPID/CIE through OpenID Connect (OIDC_ISSUER), their bookings, and GET /api/config. */
@Module({
  imports: [BookingModule],
  controllers: [CitizenController, PublicConfigController],
  providers: [OidcClient, CitizenService],
})
export class CitizenModule {}
