import {
  DomainError,
  partyOfKey,
  shippingAddressDecider,
  type Actor,
  type ShippingAddressCommand,
  type ShippingAddressDecisionContext,
  type ShippingAddressEvent,
  type ShippingAddressState,
} from '#domain';
import type { Aggregate, AggregateCommit } from '../commands/aggregate.js';
import type { Bind } from '../database/statement.js';
import { upsertShippingAddressRowsSql } from './shipping-address-read-model.js';
import { shippingAddressRow } from './shipping-address-row.js';
import { viewOfShippingAddress, type ShippingAddressView } from './shipping-address.query.js';

/** Whether the outlet or supplier is in the synced catalogue (not deleted): read with the stream. */
export interface ShippingAddressFacts {
  inCatalogue: boolean;
}

/**
 * Outlets' and suppliers' shipping addresses as the command pipeline runs them (keyed `outlet:<id>`
 * or `supplier:<id>`): their decider, their view and their read-model row.
 */
export class ShippingAddressAggregate
  implements Aggregate<ShippingAddressState, ShippingAddressCommand, ShippingAddressEvent, ShippingAddressDecisionContext, ShippingAddressFacts, ShippingAddressView>
{
  readonly decider = shippingAddressDecider;

  decisionContext(actor: Actor): ShippingAddressDecisionContext {
    return { actorId: actor.id };
  }

  /** One text for outlets and suppliers: the kind and the id are bound. */
  factsSql(bind: Bind, key: string): string {
    const party = partyOfKey(key);
    const kind = bind(party?.kind ?? '');
    const id = bind(party?.id ?? '');
    return `json_build_object('inCatalogue', CASE ${kind}::text
              WHEN 'outlet' THEN EXISTS (SELECT 1 FROM lightspeed_outlets WHERE id = ${id}::text AND deleted_at IS NULL)
              WHEN 'supplier' THEN EXISTS (SELECT 1 FROM lightspeed_suppliers WHERE id = ${id}::text AND deleted_at IS NULL)
              ELSE false END)`;
  }

  parseFacts(json: unknown): ShippingAddressFacts {
    return { inCatalogue: (json as ShippingAddressFacts | null)?.inCatalogue === true };
  }

  /** An address is set only for an outlet or supplier the catalogue knows; one already kept can always be cleared. */
  checkFacts(command: ShippingAddressCommand, _state: ShippingAddressState | null, facts: ShippingAddressFacts): void {
    if (command.type !== 'SetShippingAddress' || facts.inCatalogue) return;
    const { kind, id } = command.party;
    if (kind === 'outlet') throw new DomainError('OUTLET_NOT_FOUND', `No outlet ${id} in the catalogue`, { outletId: id });
    throw new DomainError('SUPPLIER_NOT_FOUND', `No supplier ${id} in the catalogue`, { supplierId: id });
  }

  view(state: ShippingAddressState): ShippingAddressView {
    return viewOfShippingAddress(state);
  }

  answer(view: ShippingAddressView): ShippingAddressView {
    return view;
  }

  /** A set address is upserted; a cleared one's row is removed. One text for both: what varies is bound. */
  projectionCtes(bind: Bind, commit: AggregateCommit<ShippingAddressState>): string {
    const row = shippingAddressRow(commit.after);
    return `shipping_addresses_written AS (${upsertShippingAddressRowsSql(`${bind(JSON.stringify(row ? [row] : []))}::jsonb`)}),
            shipping_addresses_removed AS (DELETE FROM shipping_addresses
                                            WHERE party_kind = ${bind(commit.after.party.kind)}::text
                                              AND party_id = ${bind(commit.after.party.id)}::text AND ${bind(row === null)}::boolean
                                            RETURNING party_id)`;
  }
}
