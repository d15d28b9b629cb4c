import type { Edges } from './shapes.js';

/** A cuboid in a box: its corner nearest the origin and its edges as placed. */
export interface Cuboid {
  at: Edges;
  edges: Edges;
}

const CELLS_PER_AXIS = 8;
const LAST_CELL = CELLS_PER_AXIS - 1;

/**
 * The cuboids in a box, filed by the cells of a coarse grid they touch, so that asking whether a space
 * is free looks only at its neighbours rather than at every cuboid in the box. A cuboid filed in several
 * cells the space touches is compared once per question (each question stamps what it has looked at).
 */
export class OccupancyGrid<T extends Cuboid> {
  private readonly cuboids: T[] = [];
  private readonly cells = new Map<number, number[]>();
  private readonly cellEdges: Edges;
  private readonly lookedAt: number[] = [];
  private question = 0;

  constructor(inner: Edges) {
    this.cellEdges = inner.map((edge) => Math.max(1, Math.ceil(edge / CELLS_PER_AXIS))) as unknown as Edges;
  }

  add(cuboid: T): void {
    const index = this.cuboids.push(cuboid) - 1;
    this.lookedAt.push(0);
    const [x0, x1, y0, y1, z0, z1] = this.cellRange(cuboid.at, cuboid.edges);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        for (let z = z0; z <= z1; z++) {
          const cell = (x * CELLS_PER_AXIS + y) * CELLS_PER_AXIS + z;
          const filed = this.cells.get(cell);
          if (filed) filed.push(index);
          else this.cells.set(cell, [index]);
        }
      }
    }
  }

  /** Whether any cuboid filed shares volume with the space at `at` of `edges`. */
  overlapsAny(at: Edges, edges: Edges): boolean {
    const question = ++this.question;
    const [x0, x1, y0, y1, z0, z1] = this.cellRange(at, edges);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        for (let z = z0; z <= z1; z++) {
          const filed = this.cells.get((x * CELLS_PER_AXIS + y) * CELLS_PER_AXIS + z);
          if (!filed) continue;
          for (const index of filed) {
            if (this.lookedAt[index] === question) continue;
            this.lookedAt[index] = question;
            const other = this.cuboids[index]!;
            if (overlaps(at, edges, other.at, other.edges)) return true;
          }
        }
      }
    }
    return false;
  }

  /** The first and last cell, on each axis, that the space touches. */
  private cellRange(at: Edges, edges: Edges): [number, number, number, number, number, number] {
    const [cx, cy, cz] = this.cellEdges;
    return [
      Math.min(LAST_CELL, Math.floor(at[0] / cx)),
      Math.min(LAST_CELL, Math.floor((at[0] + edges[0] - 1) / cx)),
      Math.min(LAST_CELL, Math.floor(at[1] / cy)),
      Math.min(LAST_CELL, Math.floor((at[1] + edges[1] - 1) / cy)),
      Math.min(LAST_CELL, Math.floor(at[2] / cz)),
      Math.min(LAST_CELL, Math.floor((at[2] + edges[2] - 1) / cz)),
    ];
  }
}

export function overlaps(aAt: Edges, aEdges: Edges, bAt: Edges, bEdges: Edges): boolean {
  return (
    aAt[0] < bAt[0] + bEdges[0] && bAt[0] < aAt[0] + aEdges[0] &&
    aAt[1] < bAt[1] + bEdges[1] && bAt[1] < aAt[1] + aEdges[1] &&
    aAt[2] < bAt[2] + bEdges[2] && bAt[2] < aAt[2] + aEdges[2]
  );
}
