import { describe, expect, it } from '@jest/globals';
import { CarrierMappingError } from '../errors.js';
import { JsonReader, starshipitDateToIso } from './json-reader.js';
import { newOrderToStarshipit, orderFromStarshipit } from './order.mapping.js';
import { quotesFromStarshipit, rateRequestToStarshipit } from './rates.mapping.js';
import { labelsFromStarshipit } from './shipment.mapping.js';
import { trackingFromStarshipit } from './tracking.mapping.js';

describe('lenient reading of Starshipit JSON', () => {
  it('reads an order with a numeric carrier, string numbers and a 0/1 archived flag', () => {
    const order = orderFromStarshipit({
      success: 1,
      order: {
        order_id: '100001',
        order_number: 'TR-1-v1',
        status: 'Printed',
        archived: 0,
        carrier: 7,
        carrier_name: 'Australia Post',
        carrier_service_code: '7B05',
        total_shipping_price: '12.35',
        packages: [{ tracking_number: 'AP1' }, { tracking_number: null }, { tracking_number: 'AP2' }],
      },
    });
    expect(order).toEqual({
      orderId: 100001,
      orderNumber: 'TR-1-v1',
      status: 'PRINTED',
      rawStatus: 'Printed',
      archived: false,
      carrier: '7',
      carrierName: 'Australia Post',
      serviceCode: '7B05',
      trackingNumbers: ['AP1', 'AP2'],
      shippingPriceCents: 1235,
    });
    expect(orderFromStarshipit({ order: { order_id: 5, order_number: 'N', carrier_id: 3, status: 'Awaiting something' } })).toMatchObject({ carrier: '3', status: 'UNKNOWN' });
  });

  it('names the field it cannot read', () => {
    expect(() => orderFromStarshipit({ order: { order_id: 'x', order_number: 'N' } })).toThrow(CarrierMappingError);
    expect(() => orderFromStarshipit({ order: { order_id: 1.5, order_number: 'N' } })).toThrow(/integer/);
    expect(() => orderFromStarshipit({ order: [] })).toThrow(/answer.order/);
    expect(() => orderFromStarshipit({ order: { order_id: 1, order_number: 'N', archived: 'maybe' } })).toThrow(/archived/);
    expect(() => orderFromStarshipit({ order: { order_id: 1, order_number: {}, status: 'x' } })).toThrow(/order_number/);
    expect(() => quotesFromStarshipit({ rates: {} })).toThrow(/list/);
    expect(() => JsonReader.from(null, 'x')).toThrow(/null/);
    expect(() => JsonReader.from({ d: 'yesterday' }, 'x').optionalDate('d')).toThrow(/not a date/);
  });

  it('reads rates with prices as numbers or strings, and the deprecated description', () => {
    expect(
      quotesFromStarshipit({
        success: true,
        rates: [
          { service_name: 'EXPRESS', service_code: '7E55', total_price: '15.2', currency: 'AUD' },
          { description: 'PARCEL POST', service_code: '7B05', total_price: 10.15 },
          { service_code: 'X1', total_price: 3 },
        ],
      }),
    ).toEqual([
      { serviceCode: 'X1', serviceName: 'X1', priceCents: 300 },
      { serviceCode: '7B05', serviceName: 'PARCEL POST', priceCents: 1015 },
      { serviceCode: '7E55', serviceName: 'EXPRESS', priceCents: 1520, currency: 'AUD' },
    ]);
  });

  it('reads labels given as base64 strings or as label objects, dropping null tracking numbers', () => {
    const pdf = Buffer.from('%PDF-1.4 test');
    expect(
      labelsFromStarshipit({ order_id: 9, tracking_numbers: ['A', null, 12], labels: [pdf.toString('base64'), { label_type: 'Label', label_base64_string: pdf.toString('base64') }] }),
    ).toEqual({ orderId: 9, orderNumber: '', carrierName: '', trackingNumbers: ['A', '12'], labels: [pdf, pdf] });
    expect(() => labelsFromStarshipit({ order_id: 9, labels: [{}] })).toThrow(/base64/);
  });

  it('reads tracking results as an object or a list, choosing the asked tracking number', () => {
    const result = (trackingNumber: string, status: string) => ({
      order_number: '17062',
      tracking_number: trackingNumber,
      tracking_status: status,
      last_updated_date: '2017-04-18T14:59:00',
      tracking_url: '',
      tracking_events: [
        { event_datetime: '2017-04-12T18:00:00', status: 'In Transit', details: 'Sorted' },
        { event_datetime: '2017-04-12T15:22:45.5931835', status: 'Dispatched', details: 'Shipment picked up (PU)' },
        { status: 'Mystery' },
      ],
    });
    const single = trackingFromStarshipit({ results: result('0001', 'Delivered'), success: true }, { orderNumber: '17062' });
    expect(single).toMatchObject({ status: 'DELIVERED', trackingNumber: '0001', lastUpdated: '2017-04-18T14:59:00.000Z' });
    expect(single.trackingUrl).toBeUndefined();
    expect(single.events.map((event) => [event.status, event.at])).toEqual([
      ['UNKNOWN', '1970-01-01T00:00:00.000Z'],
      ['DISPATCHED', '2017-04-12T15:22:45.593Z'],
      ['IN_TRANSIT', '2017-04-12T18:00:00.000Z'],
    ]);
    const list = trackingFromStarshipit({ results: [result('0001', 'Delivered'), result('0002', 'InTransit')] }, { trackingNumber: '0002' });
    expect(list).toMatchObject({ trackingNumber: '0002', status: 'IN_TRANSIT' });
    expect(trackingFromStarshipit({ results: [result('0001', 'Delivered')] }, { trackingNumber: 'zzz' }).trackingNumber).toBe('0001');
    expect(() => trackingFromStarshipit({ results: [] }, { orderNumber: '1' })).toThrow(/no tracking result/);
    expect(trackingFromStarshipit({ results: { order_status: 'Dispatched' } }, { orderNumber: '1' })).toMatchObject({ status: 'DISPATCHED', events: [] });
  });

  it('reads Starshipit dates with 7-digit fractions, zones or none', () => {
    expect(starshipitDateToIso('2018-11-15T01:51:49.2314399Z')).toBe('2018-11-15T01:51:49.231Z');
    expect(starshipitDateToIso('2017-04-12T13:17:40')).toBe('2017-04-12T13:17:40.000Z');
    expect(starshipitDateToIso('2017-04-12T13:17:40+10:00')).toBe('2017-04-12T03:17:40.000Z');
    expect(starshipitDateToIso('soon')).toBeUndefined();
  });

  it('writes orders with the country name, kg, cents as currency units, and no empty fields', () => {
    const body = newOrderToStarshipit({
      orderNumber: 'TR-1-v1',
      orderDate: new Date('2026-06-01T00:00:00Z'),
      destination: { street: '1 Queen St', postCode: '6011', countryCode: 'nz', deliveryInstructions: 'Rear' },
      sender: { street: '2 King St', postCode: '3000', countryCode: 'AU', deliveryInstructions: 'ignored' },
      parcels: [{ weightGrams: 1500 }],
      items: [{ description: 'Shoe', quantity: 1, weightGrams: 400, valueCents: 4999 }],
    });
    expect(body).toEqual({
      order: {
        order_number: 'TR-1-v1',
        order_date: '2026-06-01T00:00:00.000Z',
        sender_details: { street: '2 King St', post_code: '3000', country: 'Australia' },
        destination: { street: '1 Queen St', post_code: '6011', country: 'New Zealand', delivery_instructions: 'Rear' },
        items: [{ description: 'Shoe', quantity: 1, weight: 0.4, value: 49.99 }],
        packages: [{ weight: 1.5 }],
      },
    });
    expect(() => newOrderToStarshipit({ orderNumber: 'x'.repeat(51), destination: { street: 's', postCode: '1', countryCode: 'AU' }, parcels: [] })).toThrow(/1–50/);
    expect(rateRequestToStarshipit({ street: 'a', postCode: '1', countryCode: 'zz' }, { street: 'b', postCode: '2', countryCode: 'AU' }, [{ weightGrams: 1 }]).sender).toEqual({
      street: 'a',
      post_code: '1',
      country_code: 'ZZ',
    });
  });
});
