import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A citizen signed in with SPID/CIE. The cookie `sportello_citizen` carries a random
 * token; only its SHA-256 is stored. Logging out deletes the row; expired rows are
 * refused and swept. The identity is copied from the ID token at sign-in.
 */
@Entity('citizen_session')
@Index('ix_citizen_session_expires', ['expiresAt'])
export class CitizenSession {
  @PrimaryColumn({ name: 'token_hash', type: 'bytea' })
  tokenHash: Buffer;

  /** As the provider gave it (without `TINIT-`), upper case. */
  @Column({ name: 'fiscal_code', type: 'varchar', length: 16 })
  fiscalCode: string;

  /** The omocodia-proof person key (libs/domain `fiscalCodeKey`) the bookings are matched on. */
  @Column({ name: 'fiscal_code_key', type: 'varchar', length: 16 })
  fiscalCodeKey: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** For RP-initiated logout (`id_token_hint`); null when the provider has no end_session_endpoint. */
  @Column({ name: 'id_token', type: 'text', nullable: true })
  idToken: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}

/**
 * A sign-in under way: what the callback needs to check the provider's answer. Keyed by
 * the hash of a random value in the browser's `sportello_citizen_login` cookie, so the
 * callback works only in the browser that started it (no login CSRF). Deleted when the
 * callback reads it (single use); valid for LOGIN_MINUTES.
 */
@Entity('citizen_login')
@Index('ix_citizen_login_expires', ['expiresAt'])
export class CitizenLogin {
  @PrimaryColumn({ name: 'browser_hash', type: 'bytea' })
  browserHash: Buffer;

  @Column({ type: 'varchar', length: 64 })
  state: string;

  @Column({ type: 'varchar', length: 64 })
  nonce: string;

  @Column({ name: 'code_verifier', type: 'varchar', length: 128 })
  codeVerifier: string;

  @Column({ name: 'return_to', type: 'varchar', length: 500 })
  returnTo: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
