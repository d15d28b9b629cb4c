import type { BoxTypeState } from '#domain';

/** A box type as the catalogue's read model holds it: one row per box type. */
export interface BoxTypeReadModelRow {
  id: string;
  name: string;
  inner_length_mm: number;
  inner_width_mm: number;
  inner_height_mm: number;
  tare_weight_g: number;
  max_weight_g: number;
  retired: boolean;
  version: number;
  updated_at: string;
}

/** The read-model row of a box type's state; live commands and any rebuild both use it. */
export function boxTypeRow(state: BoxTypeState): BoxTypeReadModelRow {
  return {
    id: state.id,
    name: state.name,
    inner_length_mm: state.innerLengthMm,
    inner_width_mm: state.innerWidthMm,
    inner_height_mm: state.innerHeightMm,
    tare_weight_g: state.tareWeightG,
    max_weight_g: state.maxWeightG,
    retired: state.retired,
    version: state.version,
    updated_at: state.updatedAt,
  };
}
