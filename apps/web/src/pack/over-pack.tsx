import { ApiError } from '../api.js';

/** A count the API found too far above plan (the members of a 422 OVER_PACK_UNCONFIRMED). */
export interface OverPack {
  productId: string;
  plannedQuantity: number;
  packedQuantity: number;
}

export const overPackOf = (error: unknown): OverPack | null =>
  error instanceof ApiError && error.problem.code === 'OVER_PACK_UNCONFIRMED' ? (error.problem as unknown as OverPack) : null;

interface Props {
  over: OverPack | null;
  name: string;
  disabled: boolean;
  onConfirm: (over: OverPack) => void;
}

/** Offered after the refusal: packing far above plan is usually a slip, sometimes what was meant. */
export function OverPackConfirm({ over, name, disabled, onConfirm }: Props) {
  if (!over) return null;
  return (
    <button type="button" disabled={disabled} onClick={() => onConfirm(over)}>
      Pack {over.packedQuantity} of {name} anyway
    </button>
  );
}
