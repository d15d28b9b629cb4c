import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError, type Party, type ShippingAddress, type ShippingAddressCommand, type ShippingAddressInput } from '#domain';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { CommandPipeline, type CommandContext } from '../commands/command-pipeline.js';
import { readStream } from '../event-store/read-stream.js';
import { rebuildProjections } from '../projections/rebuild-projections.js';
import { contextFor } from '../testing/transfer-scenarios.js';
import { ShippingAddressAggregate } from './shipping-address-aggregate.js';
import { findShippingAddress, shippingAddressesOf } from './shipping-address.query.js';

const DOCK: ShippingAddress = {
  contactName: 'Nora North',
  company: 'Homewares North',
  street: '12 Dock Road',
  suburb: 'Northcote',
  city: 'Melbourne',
  state: 'VIC',
  postCode: '3070',
  countryCode: 'AU',
  phone: '+61 3 9000 0000',
  email: 'dock@north.example',
  deliveryInstructions: 'Rear roller door',
};
const outlet = (id: string): Party => ({ kind: 'outlet', id });
const supplier = (id: string): Party => ({ kind: 'supplier', id });
const keyOf = (party: Party) => `${party.kind}:${party.id}`;
const set = (party: Party, address: Partial<ShippingAddressInput> = {}): ShippingAddressCommand => ({ type: 'SetShippingAddress', party, ...DOCK, ...address });
const clear = (party: Party): ShippingAddressCommand => ({ type: 'ClearShippingAddress', party });
const admin = (extra: Partial<CommandContext> = {}): CommandContext => ({ ...contextFor('ada', ['admin']), ...extra });
const addresses = new ShippingAddressAggregate();

async function refusal(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error instanceof DomainError ? { code: error.code } : error;
  }
  throw new Error('expected a refusal');
}

describe('a shipping address through the command pipeline', () => {
  let fixture: PersistenceFixture;
  let pipeline: CommandPipeline;
  const handle = (party: Party, command: ShippingAddressCommand, context: CommandContext = admin()) => pipeline.handle(addresses, keyOf(party), command, context);
  beforeAll(async () => {
    fixture = await openPersistenceFixture();
    pipeline = new CommandPipeline(fixture.database);
    await fixture.database.query(
      `INSERT INTO lightspeed_outlets (id, name, version, deleted_at) VALUES ('o-north', 'North', 1, NULL), ('o-south', 'South', 1, NULL), ('o-gone', 'Gone', 1, now())`,
    );
    await fixture.database.query(`INSERT INTO lightspeed_suppliers (id, name, version, deleted_at) VALUES ('s-acme', 'Acme', 1, NULL), ('o-south', 'Same id as an outlet', 1, NULL)`);
  });
  afterAll(() => fixture.close());

  const shown = (party: Party) => fixture.database.withClient((client) => findShippingAddress(client, party));

  it('is set, changed and cleared, each answer being what readers then see, each event with its command and actor', async () => {
    const first = await handle(outlet('o-north'), set(outlet('o-north')));
    expect(first).toMatchObject({ version: 1, changed: true, view: { partyKind: 'outlet', partyId: 'o-north', address: DOCK, updatedBy: 'ada' } });
    expect(await shown(outlet('o-north'))).toEqual(first.view);
    expect(await handle(outlet('o-north'), set(outlet('o-north'), { company: ` ${DOCK.company} ` }))).toMatchObject({ version: 1, changed: false });
    const changed = await handle(outlet('o-north'), set(outlet('o-north'), { phone: null, suburb: '' }), admin({ expectedVersion: 1 }));
    expect(changed.view).toMatchObject({ version: 2, address: { phone: null, suburb: null } });
    expect(await shown(outlet('o-north'))).toEqual(changed.view);
    const cleared = await handle(outlet('o-north'), clear(outlet('o-north')));
    expect(cleared.view).toMatchObject({ version: 3, address: null });
    expect(await shown(outlet('o-north'))).toBeNull();
    const events = await fixture.database.withClient((client) => readStream(client, 'shipping-address-outlet:o-north'));
    expect(events.map((event) => [event.eventType, event.metadata.commandName, event.metadata.actor.id])).toEqual([
      ['ShippingAddressSet', 'SetShippingAddress', 'ada'],
      ['ShippingAddressSet', 'SetShippingAddress', 'ada'],
      ['ShippingAddressCleared', 'ClearShippingAddress', 'ada'],
    ]);
  });

  it('keeps an outlet’s and a supplier’s addresses apart, even under the same id', async () => {
    await handle(outlet('o-south'), set(outlet('o-south'), { city: 'Frankston' }));
    await handle(supplier('o-south'), set(supplier('o-south'), { city: 'Geelong' }));
    expect((await shown(outlet('o-south')))?.address?.city).toBe('Frankston');
    expect((await shown(supplier('o-south')))?.address?.city).toBe('Geelong');
  });

  it('refuses a manager, an outlet or supplier not in the catalogue (or deleted from it) and clearing an address never set, writing nothing', async () => {
    expect(await refusal(handle(outlet('o-none'), set(outlet('o-none')), contextFor('mona', ['manager'])))).toEqual({ code: 'FORBIDDEN' });
    expect(await refusal(handle(outlet('o-none'), set(outlet('o-none'))))).toEqual({ code: 'OUTLET_NOT_FOUND' });
    expect(await refusal(handle(outlet('o-gone'), set(outlet('o-gone'))))).toEqual({ code: 'OUTLET_NOT_FOUND' });
    expect(await refusal(handle(supplier('s-none'), set(supplier('s-none'))))).toEqual({ code: 'SUPPLIER_NOT_FOUND' });
    expect(await refusal(handle(supplier('o-north'), set(supplier('o-north'))))).toEqual({ code: 'SUPPLIER_NOT_FOUND' });
    expect(await refusal(handle(supplier('s-acme'), clear(supplier('s-acme'))))).toEqual({ code: 'SHIPPING_ADDRESS_NOT_FOUND' });
    expect(await refusal(handle(supplier('s-acme'), set(supplier('s-acme'), { countryCode: 'XX' })))).toEqual({ code: 'INVALID_SHIPPING_ADDRESS' });
    const parties = [outlet('o-none'), outlet('o-gone'), supplier('s-none'), supplier('s-acme'), supplier('o-north')];
    expect(await fixture.database.withClient((client) => shippingAddressesOf(client, parties))).toEqual([]);
  });

  it('reads the addresses of many parties at once: those that have one, each once', async () => {
    await handle(supplier('s-acme'), set(supplier('s-acme'), { contactName: 'Returns desk' }));
    const many = await fixture.database.withClient((client) =>
      shippingAddressesOf(client, [outlet('o-south'), supplier('s-acme'), outlet('o-north'), supplier('s-acme'), outlet('s-acme')]),
    );
    expect(many.map((view) => [view.partyKind, view.partyId, view.address?.contactName]).sort()).toEqual([
      ['outlet', 'o-south', 'Nora North'],
      ['supplier', 's-acme', 'Returns desk'],
    ]);
    expect(await fixture.database.withClient((client) => shippingAddressesOf(client, []))).toEqual([]);
  });

  it('is rebuilt from its streams as the commands left it', async () => {
    const before = await fixture.database.query('SELECT * FROM shipping_addresses ORDER BY party_kind, party_id');
    const report = await rebuildProjections(fixture.database);
    expect(report.shippingAddresses).toBe(3);
    expect(await fixture.database.query('SELECT * FROM shipping_addresses ORDER BY party_kind, party_id')).toEqual(before);
  });
});
