import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsJWT, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';
import { CurrentActor } from './current-actor.decorator.js';
import { issueCsrfToken } from './csrf.js';
import { Public } from './public.decorator.js';
import { CREDENTIAL_KEY, type Credential } from './jwt-auth.guard.js';
import { clearSessionCookies, setSessionCookie } from './session-cookie.js';
import { TokenVerifier } from './token-verifier.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { SessionResponse } from './session.response.js';

export class SignInDto {
  @ApiProperty({ description: 'A JWT the CIS issued (the same one a bearer call would carry)' })
  @IsString()
  @MaxLength(8_192)
  @IsJWT()
  token!: string;
}

export interface SessionAnswer {
  /** Send it as X-CSRF-Token on every write; null when the caller is not using the session cookie. */
  csrfToken: string | null;
  actor: Actor;
  expiresAt: string;
}

/**
 * The browser's session: the CIS's JWT exchanged for an HttpOnly, SameSite=Strict cookie (holding
 * that same JWT, so it is checked exactly as a bearer token and dies with it), plus the CSRF token
 * its writes must carry.
 */
@ApiTags('session')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('session')
export class SessionController {
  constructor(private readonly tokens: TokenVerifier) {}

  @Post()
  @Public()
  @ApiOperation({ summary: 'Sign in: exchange a JWT for the session cookie; answers the CSRF token' })
  @ApiAnswers({ type: SessionResponse, status: 201, description: 'Signed in: the session cookie is set' }, { 400: 'No token, or not a JWT', 401: 'The token is invalid or expired', 413: 'The body is larger than the API takes', 415: 'The body is not JSON in UTF-8', 429: 'Too many requests (RATE_LIMITED)' })
  async signIn(@Body() body: SignInDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionAnswer> {
    const { actor, expiresAt } = await this.tokens.verify(body.token, 'token');
    setSessionCookie(request, reply, body.token, expiresAt);
    return { csrfToken: issueCsrfToken(request, reply, actor), actor, expiresAt: expiresAt.toISOString() };
  }

  @Get()
  @ApiOperation({ summary: 'Who is signed in (401 if nobody)' })
  @ApiAnswers({ type: SessionResponse, description: 'The signed-in actor, and a fresh CSRF token for a session cookie' }, [401, 429])
  current(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): SessionAnswer {
    const { via, expiresAt } = (request as FastifyRequest & Record<typeof CREDENTIAL_KEY, Credential>)[CREDENTIAL_KEY];
    return { csrfToken: via === 'session' ? issueCsrfToken(request, reply, actor) : null, actor, expiresAt: expiresAt.toISOString() };
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: clear the session cookie' })
  @ApiAnswers({ status: 204, description: 'Signed out' }, [401, 403, 429])
  signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    clearSessionCookies(request, reply);
  }
}
