export const OUTLETS = [
  { name: 'Main Street', city: 'Auckland', time_zone: 'Pacific/Auckland', currency: 'NZD', symbol: '$' },
  { name: 'Harbour Point', city: 'Wellington', time_zone: 'Pacific/Auckland', currency: 'NZD', symbol: '$' },
  { name: 'Queen Victoria', city: 'Melbourne', time_zone: 'Australia/Melbourne', currency: 'AUD', symbol: '$' },
  { name: 'Bondi Junction', city: 'Sydney', time_zone: 'Australia/Sydney', currency: 'AUD', symbol: '$' },
  { name: 'Covent Garden', city: 'London', time_zone: 'Europe/London', currency: 'GBP', symbol: '£' },
  { name: 'Warehouse', city: 'Auckland', time_zone: 'Pacific/Auckland', currency: 'NZD', symbol: '$' },
] as const;

export const SUPPLIERS = [
  { name: 'Acme Wholesale', first: 'Ana', last: 'Reyes' },
  { name: 'Blue Mountain Trading', first: 'Ben', last: 'Okafor' },
  { name: 'Coastal Imports', first: 'Chloe', last: 'Nguyen' },
  { name: 'Delta Distribution', first: 'Dev', last: 'Patel' },
] as const;

export const ADJECTIVES = ['Classic', 'Organic', 'Vintage', 'Urban', 'Premium', 'Everyday', 'Rustic', 'Nordic', 'Coastal', 'Bold'];
export const NOUNS = ['Mug', 'Tee', 'Candle', 'Notebook', 'Tote', 'Beanie', 'Coffee', 'Soap', 'Bottle', 'Scarf', 'Lamp', 'Plant'];
export const VARIANTS = ['Small', 'Medium', 'Large', 'Red', 'Blue', 'Green', 'Black', 'White'];
