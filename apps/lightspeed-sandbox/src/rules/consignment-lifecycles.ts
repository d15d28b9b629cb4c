import { CONSIGNMENT_TYPES, type ConsignmentType } from '../store/records.js';

/**
 * Every status rule of a consignment type, as data (REFERENCE.md §1). Where the reference is ambiguous the stricter
 * reading is encoded; README.md lists those choices.
 */
export interface Lifecycle {
  /** Status given to a create without `status`. */
  initial: string;
  /** Statuses a consignment may be created with. */
  creatable: readonly string[];
  /** from → allowed targets. A status missing here has no way out. */
  transitions: Readonly<Record<string, readonly string[]>>;
  /** No update of any kind once here. */
  terminal: readonly string[];
  /** Entered only by the sandbox itself (the stocktake background job). */
  systemOnly: readonly string[];
  /** Status changes refused while the consignment has no (live) product lines. */
  statusChangeNeedsLines: boolean;
  /** Target status that needs at least one line with a non-zero `received`. */
  receivedStatus: string | null;
  /** Statuses in which the consignment itself may be DELETEd. */
  deletable: readonly string[];
  /** Statuses in which outlet/supplier references may still change. */
  structureEditable: readonly string[];
  /** Legacy spellings accepted on input. */
  aliases: Readonly<Record<string, string>>;
}

export const LIFECYCLES: Readonly<Record<ConsignmentType, Lifecycle>> = {
  SUPPLIER: {
    initial: 'OPEN',
    creatable: ['OPEN', 'SENT'],
    transitions: {
      OPEN: ['SENT', 'CANCELLED'],
      SENT: ['DISPATCHED', 'CANCELLED'],
      DISPATCHED: ['RECEIVED', 'CANCELLED'],
    },
    terminal: ['RECEIVED', 'CANCELLED'],
    systemOnly: [],
    statusChangeNeedsLines: true,
    receivedStatus: 'RECEIVED',
    deletable: ['OPEN', 'CANCELLED'],
    structureEditable: ['OPEN'],
    aliases: {},
  },
  OUTLET: {
    initial: 'OPEN',
    creatable: ['OPEN', 'SENT'],
    // "CANCELLED any time after OPEN": read strictly, an OPEN transfer cannot be cancelled (delete it instead).
    transitions: {
      OPEN: ['SENT'],
      SENT: ['RECEIVED', 'CANCELLED'],
    },
    terminal: ['RECEIVED', 'CANCELLED'],
    systemOnly: [],
    statusChangeNeedsLines: true,
    receivedStatus: 'RECEIVED',
    deletable: ['OPEN', 'CANCELLED'],
    structureEditable: ['OPEN'],
    aliases: {},
  },
  RETURN: {
    initial: 'OPEN',
    creatable: ['OPEN', 'SENT'],
    // "OPEN→SENT, or →CANCELLED": read strictly, only an OPEN return can be cancelled; a SENT return has no
    // further status (its line counts stay editable, §2).
    transitions: {
      OPEN: ['SENT', 'CANCELLED'],
    },
    terminal: ['CANCELLED'],
    systemOnly: [],
    statusChangeNeedsLines: true,
    receivedStatus: null,
    deletable: ['OPEN', 'CANCELLED'],
    structureEditable: ['OPEN'],
    aliases: {},
  },
  STOCKTAKE: {
    // The first status of the type (REFERENCE §1): a count created without `status` is only scheduled.
    initial: 'STOCKTAKE_SCHEDULED',
    creatable: ['STOCKTAKE_SCHEDULED', 'STOCKTAKE_IN_PROGRESS'],
    transitions: {
      STOCKTAKE_SCHEDULED: ['STOCKTAKE_IN_PROGRESS', 'CANCELLED', 'CLOSED'],
      STOCKTAKE_IN_PROGRESS: ['STOCKTAKE_IN_PROGRESS_PROCESSED', 'CANCELLED', 'CLOSED'],
      STOCKTAKE_IN_PROGRESS_PROCESSED: ['STOCKTAKE_COMPLETE', 'CANCELLED', 'CLOSED'],
    },
    terminal: ['STOCKTAKE_COMPLETE', 'CANCELLED', 'CLOSED'],
    systemOnly: ['STOCKTAKE_IN_PROGRESS_PROCESSED'],
    statusChangeNeedsLines: false,
    receivedStatus: null,
    deletable: ['STOCKTAKE_SCHEDULED', 'CANCELLED'],
    structureEditable: ['STOCKTAKE_SCHEDULED'],
    aliases: { STOCKTAKE: 'STOCKTAKE_SCHEDULED' },
  },
};

export { CONSIGNMENT_TYPES };

export function isConsignmentType(value: unknown): value is ConsignmentType {
  return CONSIGNMENT_TYPES.includes(value as ConsignmentType);
}

export function statusesOf(type: ConsignmentType): string[] {
  const lifecycle = LIFECYCLES[type];
  const all = new Set<string>([...lifecycle.creatable, ...lifecycle.terminal]);
  for (const [from, targets] of Object.entries(lifecycle.transitions)) {
    all.add(from);
    for (const target of targets) all.add(target);
  }
  return [...all];
}

/** Maps a legacy alias to its current name; unknown statuses are returned unchanged (and refused later). */
export function normalizeStatus(type: ConsignmentType, status: string): string {
  return LIFECYCLES[type].aliases[status] ?? status;
}
