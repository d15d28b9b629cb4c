import { BOX_TYPE_ID, MEDIUM_CARTON } from './box-type-fixtures.js';
import type { BoxTypeSnapshot } from '../transfer/boxes.js';
import type { TransferCommand } from '../transfer/commands.js';

/** The medium carton as a box keeps it: 16 kg at most, 450 g empty. */
export const CARTON: BoxTypeSnapshot = { id: BOX_TYPE_ID, ...MEDIUM_CARTON };
export const BOX_1 = 'b1b1b1b1-0000-4000-8000-000000000001';
export const BOX_2 = 'b2b2b2b2-0000-4000-8000-000000000002';

export const addBox = (boxId: string, label: string | null = null, boxType: BoxTypeSnapshot = CARTON): TransferCommand => ({
  type: 'AddBox',
  boxId,
  boxType,
  ...(label === null ? {} : { label }),
});
export const putInBox = (boxId: string, productId: string, quantity: number): TransferCommand => ({ type: 'PutInBox', boxId, productId, quantity });
export const takeOutOfBox = (boxId: string, productId: string, quantity: number): TransferCommand => ({ type: 'TakeOutOfBox', boxId, productId, quantity });
export const weighBox = (boxId: string, weightG: number): TransferCommand => ({ type: 'WeighBox', boxId, weightG });
export const removeBox = (boxId: string): TransferCommand => ({ type: 'RemoveBox', boxId });
