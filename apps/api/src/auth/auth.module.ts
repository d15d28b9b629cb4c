import { Global, Module } from '@nestjs/common';
import { SessionController } from './session.controller.js';
import { TokenVerifier } from './token-verifier.js';

@Global()
@Module({ controllers: [SessionController], providers: [TokenVerifier], exports: [TokenVerifier] })
export class AuthModule {}
