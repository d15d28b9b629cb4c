import type { Type } from '@nestjs/common';
import { AddTransferNoteRoute } from './add-transfer-note/add-transfer-note.route.js';

/**
 * The controllers of the commands that have a folder of their own here (route, DTO and e2e spec
 * together): one line per folder, and TransfersModule serves them all.
 */
export const COMMAND_ROUTES: readonly Type[] = [AddTransferNoteRoute];
