import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Actor, type Role } from './actor.js';
import type { SessionAnswer } from './session.controller.js';

export class ActorResponse implements Actor {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ type: [String], description: 'The outlets a staff member works at' }) outlets!: string[];
}

export class SessionResponse implements SessionAnswer {
  @ApiProperty({ type: String, nullable: true, description: 'Send it as X-CSRF-Token on every write; null when the caller is not using the session cookie' })
  csrfToken!: string | null;

  @ApiProperty({ type: ActorResponse }) actor!: ActorResponse;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
