import type { Edges } from './shapes.js';

/** A cuboid in a box: its corner nearest the origin and its edges as placed. */
export interface Cuboid {
  at: Edges;
  edges: Edges;
}

const CELLS_PER_AXIS = 8;

/**
 * The cuboids in a box, filed by the cells of a coarse grid they touch, so that asking whether a space
 * is free looks only at its neighbours rather than at every cuboid in the box.
 */
export class OccupancyGrid<T extends Cuboid> {
  private readonly cells = new Map<number, T[]>();
  private readonly cellEdges: Edges;

  constructor(inner: Edges) {
    this.cellEdges = inner.map((edge) => Math.max(1, Math.ceil(edge / CELLS_PER_AXIS))) as unknown as Edges;
  }

  add(cuboid: T): void {
    this.eachCell(cuboid.at, cuboid.edges, (cell) => {
      const filed = this.cells.get(cell);
      if (filed) filed.push(cuboid);
      else this.cells.set(cell, [cuboid]);
      return false;
    });
  }

  /** Whether any cuboid filed shares volume with the space at `at` of `edges`. */
  overlapsAny(at: Edges, edges: Edges): boolean {
    return this.eachCell(at, edges, (cell) => {
      const filed = this.cells.get(cell);
      if (!filed) return false;
      for (const other of filed) if (overlaps(at, edges, other.at, other.edges)) return true;
      return false;
    });
  }

  /** Calls `visit` for each cell the space touches until one returns true; says whether one did. */
  private eachCell(at: Edges, edges: Edges, visit: (cell: number) => boolean): boolean {
    const [cx, cy, cz] = this.cellEdges;
    const last = CELLS_PER_AXIS - 1;
    const x1 = Math.min(last, Math.floor((at[0] + edges[0] - 1) / cx));
    const y1 = Math.min(last, Math.floor((at[1] + edges[1] - 1) / cy));
    const z1 = Math.min(last, Math.floor((at[2] + edges[2] - 1) / cz));
    for (let x = Math.min(last, Math.floor(at[0] / cx)); x <= x1; x++) {
      for (let y = Math.min(last, Math.floor(at[1] / cy)); y <= y1; y++) {
        for (let z = Math.min(last, Math.floor(at[2] / cz)); z <= z1; z++) {
          if (visit((x * CELLS_PER_AXIS + y) * CELLS_PER_AXIS + z)) return true;
        }
      }
    }
    return false;
  }
}

export function overlaps(aAt: Edges, aEdges: Edges, bAt: Edges, bEdges: Edges): boolean {
  return (
    aAt[0] < bAt[0] + bEdges[0] && bAt[0] < aAt[0] + aEdges[0] &&
    aAt[1] < bAt[1] + bEdges[1] && bAt[1] < aAt[1] + aEdges[1] &&
    aAt[2] < bAt[2] + bEdges[2] && bAt[2] < aAt[2] + aEdges[2]
  );
}
