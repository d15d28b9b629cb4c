import { OccupancyGrid } from './occupancy-grid.js';
import { innerEdgesOf, orientations, payloadG, volumeMm3, type Edges, type PackingBoxType } from './shapes.js';

/** One unit where it lies in its box: the corner nearest the box's origin and its edges as placed. */
export interface Placement {
  productId: string;
  at: Edges;
  edges: Edges;
  weightG: number;
}

/** A unit on its way into a box. */
export interface PackingUnit {
  productId: string;
  edges: Edges;
  weightG: number;
}

/** A unit with what every box asks of it worked out once: its orientations and a key for its shape. */
export interface PreparedUnit extends PackingUnit {
  ways: Edges[];
  shape: string;
  /** The cube of its shortest edge, which lies inside it however it is turned. */
  core: Edges;
}

export function prepareUnit(unit: PackingUnit): PreparedUnit {
  const shortest = Math.min(...unit.edges);
  return { ...unit, ways: orientations(unit.edges), shape: `${unit.edges.join('x')}/${unit.weightG}`, core: [shortest, shortest, shortest] };
}

/**
 * A box being filled by the extreme-point heuristic (Crainic, Perboli & Tadei, "Extreme Point-Based
 * Heuristics for Three-Dimensional Bin Packing", INFORMS J. Computing 20(3), 2008): a unit may only go
 * at a corner that an earlier unit's faces make, slid back along the other two axes until it meets a
 * unit or a wall; corners are tried lowest first, each unit in its flattest orientation first.
 */
/**
 * A corner a unit may be put at, with what it has learnt: a box only fills, so a cube that did not fit
 * there never will (nor a larger one), and nor will a shape that fitted no way round.
 */
interface Corner {
  at: Edges;
  /** The smallest cube edge found not to fit; Infinity until one is. */
  blockedCube: number;
  /** The shapes that fitted no way round; null until one did not. */
  refused: Set<string> | null;
}

export class FillingBox {
  readonly placements: Placement[] = [];
  private corners: Corner[] = [corner([0, 0, 0])];
  private readonly inner: Edges;
  private readonly refused = new Set<string>();
  private readonly occupied: OccupancyGrid<Placement>;
  private volumeLeft: number;
  private payloadLeft: number;

  /** `smallestEdge`: the shortest edge of any unit that may be offered; a corner with no room for a cube of it is dropped. */
  constructor(
    readonly boxType: PackingBoxType,
    private readonly smallestEdge = 1,
  ) {
    this.inner = innerEdgesOf(boxType);
    this.occupied = new OccupancyGrid(this.inner);
    this.volumeLeft = volumeMm3(this.inner);
    this.payloadLeft = payloadG(boxType);
  }

  get contentsWeightG(): number {
    return payloadG(this.boxType) - this.payloadLeft;
  }

  get filledVolumeMm3(): number {
    return volumeMm3(this.inner) - this.volumeLeft;
  }

  /** Puts the unit in the box if it fits and returns true; otherwise leaves the box as it was. */
  tryPlace(unit: PreparedUnit): boolean {
    if (unit.weightG > this.payloadLeft || volumeMm3(unit.edges) > this.volumeLeft) return false;
    // A box only fills up: a shape it once refused is not offered to it again, which keeps many identical units cheap.
    if (this.refused.has(unit.shape)) return false;
    let dead = 0;
    try {
      for (const candidate of this.corners) {
        if (!this.cubeFits(candidate, unit.core[0])) {
          // A corner where not even the smallest cube fits never takes anything again.
          if (candidate.blockedCube <= this.smallestEdge) dead++;
          continue;
        }
        if (candidate.refused?.has(unit.shape)) continue;
        const edges = unit.ways.find((way) => this.isFree(candidate.at, way));
        if (edges) {
          this.place({ productId: unit.productId, at: candidate.at, edges, weightG: unit.weightG });
          return true;
        }
        (candidate.refused ??= new Set()).add(unit.shape);
      }
      this.refused.add(unit.shape);
      return false;
    } finally {
      if (dead > 0) this.corners = this.corners.filter((candidate) => candidate.blockedCube > this.smallestEdge);
    }
  }

  /** Whether a cube of that edge fits at the corner, remembering a no (which stays a no). */
  private cubeFits(candidate: Corner, edge: number): boolean {
    if (edge >= candidate.blockedCube) return false;
    if (this.isFree(candidate.at, [edge, edge, edge])) return true;
    candidate.blockedCube = edge;
    return false;
  }

  private isFree(at: Edges, edges: Edges): boolean {
    const inner = this.inner;
    if (at[0] + edges[0] > inner[0] || at[1] + edges[1] > inner[1] || at[2] + edges[2] > inner[2]) return false;
    return !this.occupied.overlapsAny(at, edges);
  }

  private place(placement: Placement): void {
    this.placements.push(placement);
    this.occupied.add(placement);
    this.volumeLeft -= volumeMm3(placement.edges);
    this.payloadLeft -= placement.weightG;
    const fresh = [0, 1, 2].flatMap((axis) => {
      const point = [...placement.at] as [number, number, number];
      point[axis] += placement.edges[axis]!;
      return [0, 1, 2].filter((other) => other !== axis).map((other) => this.slideBack(point, other));
    });
    this.corners = this.corners.filter((candidate) => !inside(candidate.at, placement));
    for (const point of fresh) if (this.isInsideBox(point)) this.insertCorner(point);
  }

  /** Keeps the corners lowest first (z, then y, then x), each once. */
  private insertCorner(point: Edges): void {
    let low = 0;
    let high = this.corners.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (lowerFirst(this.corners[middle]!.at, point) < 0) low = middle + 1;
      else high = middle;
    }
    if (low < this.corners.length && lowerFirst(this.corners[low]!.at, point) === 0) return;
    this.corners.splice(low, 0, corner(point));
  }

  /** The point moved towards 0 along `axis` until it meets the far face of a unit or the wall. */
  private slideBack(point: Edges, axis: number): Edges {
    const [a, b] = axis === 0 ? [1, 2] : axis === 1 ? [0, 2] : [0, 1];
    let stop = 0;
    for (const other of this.placements) {
      const face = other.at[axis]! + other.edges[axis]!;
      if (face <= stop || face > point[axis]!) continue;
      if (point[a]! < other.at[a]! || point[a]! >= other.at[a]! + other.edges[a]!) continue;
      if (point[b]! < other.at[b]! || point[b]! >= other.at[b]! + other.edges[b]!) continue;
      stop = face;
    }
    const slid = [...point] as [number, number, number];
    slid[axis] = stop;
    return slid;
  }

  private isInsideBox(point: Edges): boolean {
    return point.every((coordinate, axis) => coordinate < this.inner[axis]!);
  }
}

function corner(at: Edges): Corner {
  return { at, blockedCube: Infinity, refused: null };
}

function inside(point: Edges, placement: Placement): boolean {
  return point.every((coordinate, axis) => coordinate >= placement.at[axis]! && coordinate < placement.at[axis]! + placement.edges[axis]!);
}

function lowerFirst(p: Edges, q: Edges): number {
  return p[2] - q[2] || p[1] - q[1] || p[0] - q[0];
}
