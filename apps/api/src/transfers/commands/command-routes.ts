import type { Type } from '@nestjs/common';
import { AddBoxRoute } from './add-box/add-box.route.js';
import { AddTransferNoteRoute } from './add-transfer-note/add-transfer-note.route.js';
import { CancelBookingRoute } from './cancel-booking/cancel-booking.route.js';
import { PutInBoxRoute } from './put-in-box/put-in-box.route.js';
import { RemoveBoxRoute } from './remove-box/remove-box.route.js';
import { RequestBookingRoute } from './request-booking/request-booking.route.js';
import { TakeOutOfBoxRoute } from './take-out-of-box/take-out-of-box.route.js';
import { WeighBoxRoute } from './weigh-box/weigh-box.route.js';

/**
 * The controllers of the commands that have a folder of their own here (route, DTO and e2e spec
 * together): one line per folder, and TransfersModule serves them all.
 */
export const COMMAND_ROUTES: readonly Type[] = [AddTransferNoteRoute, AddBoxRoute, PutInBoxRoute, TakeOutOfBoxRoute, WeighBoxRoute, RemoveBoxRoute, RequestBookingRoute, CancelBookingRoute];
