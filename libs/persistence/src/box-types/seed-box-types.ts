import type { BoxTypeCommand } from '#domain';

type DefineBoxType = Extract<BoxTypeCommand, { type: 'DefineBoxType' }>;

/**
 * The box types a new deployment starts with, for local use: usual Australian shipping cartons
 * (the largest at Australia Post's 22 kg parcel limit), prepaid-style 5 kg satchels (their height
 * is how full one can be packed) and a standard 1165 × 1165 mm Australian pallet loaded to 1.2 m
 * and 1 t. The ids are fixed, so seeding twice defines nothing new.
 */
export const SEED_BOX_TYPES: readonly DefineBoxType[] = [
  {
    type: 'DefineBoxType',
    boxTypeId: '61d8b009-6159-4778-b317-70b8f23fb480',
    name: 'Carton S',
    innerLengthMm: 310,
    innerWidthMm: 230,
    innerHeightMm: 150,
    tareWeightG: 250,
    maxWeightG: 10_000,
  },
  {
    type: 'DefineBoxType',
    boxTypeId: 'e5ec2c9e-fee4-41e4-a98c-7cca05ae9209',
    name: 'Carton M',
    innerLengthMm: 400,
    innerWidthMm: 300,
    innerHeightMm: 250,
    tareWeightG: 450,
    maxWeightG: 16_000,
  },
  {
    type: 'DefineBoxType',
    boxTypeId: 'ecbe7761-e7a2-446c-85dc-36e960e3280b',
    name: 'Carton L',
    innerLengthMm: 500,
    innerWidthMm: 400,
    innerHeightMm: 400,
    tareWeightG: 800,
    maxWeightG: 22_000,
  },
  {
    type: 'DefineBoxType',
    boxTypeId: '56b1946e-9163-425b-9812-f2ddbf339b41',
    name: 'Satchel S',
    innerLengthMm: 355,
    innerWidthMm: 230,
    innerHeightMm: 60,
    tareWeightG: 25,
    maxWeightG: 5_000,
  },
  {
    type: 'DefineBoxType',
    boxTypeId: 'b3299844-e7b2-4e36-ab62-f40a14edf08e',
    name: 'Satchel L',
    innerLengthMm: 405,
    innerWidthMm: 310,
    innerHeightMm: 100,
    tareWeightG: 45,
    maxWeightG: 5_000,
  },
  {
    type: 'DefineBoxType',
    boxTypeId: '25e80413-b1c7-4d10-b91d-228c3a0c8a18',
    name: 'Pallet (AU standard)',
    innerLengthMm: 1_165,
    innerWidthMm: 1_165,
    innerHeightMm: 1_200,
    tareWeightG: 30_000,
    maxWeightG: 1_030_000,
  },
];
