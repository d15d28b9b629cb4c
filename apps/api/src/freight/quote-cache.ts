import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import { Counter, register } from 'prom-client';
import type { Address, CarrierQuote, Parcel } from '#freight';
import type { EnvironmentVariables } from '#config';

export const DEFAULT_QUOTE_TTL_SECONDS = 900;
const LOOKUPS = 'freight_quote_cache_lookups_total';

/** A quote as it was kept: the carrier's services and when it priced them. */
export interface KeptQuote {
  quotes: CarrierQuote[];
  quotedAt: string;
}

function lookups(): Counter<'result'> {
  return (
    (register.getSingleMetric(LOOKUPS) as Counter<'result'> | undefined) ??
    new Counter({ name: LOOKUPS, help: 'Carrier quotes looked up in the cache, by result (hit: no carrier call; miss: the carrier was asked)', labelNames: ['result'] })
  );
}

/**
 * Carrier quotes kept in Redis for FREIGHT_QUOTE_TTL_SECONDS, keyed by origin, destination and a
 * fingerprint of the parcels, so looking at the same shipment again costs no carrier call.
 */
@Injectable()
export class QuoteCache implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly ttlSeconds: number;
  private readonly prefix: string;
  private readonly counted = lookups();

  constructor(@Inject(ConfigService) config: ConfigService<EnvironmentVariables, true>) {
    this.redis = new Redis(config.get('REDIS_URL', { infer: true }), { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000 });
    this.redis.on('error', () => undefined);
    this.ttlSeconds = config.get('FREIGHT_QUOTE_TTL_SECONDS', { infer: true }) ?? DEFAULT_QUOTE_TTL_SECONDS;
    this.prefix = `${config.get('QUEUE_PREFIX', { infer: true })}:freight-quote:`;
  }

  /** The kept quote for this shipment, or `price()`'s answer, kept for next time. */
  async quote(from: Address, to: Address, parcels: readonly Parcel[], price: () => Promise<CarrierQuote[]>): Promise<KeptQuote & { cached: boolean }> {
    const key = this.prefix + fingerprint(from, to, parcels);
    const kept = this.ttlSeconds > 0 ? await this.read(key) : null;
    if (kept) {
      this.counted.inc({ result: 'hit' });
      return { ...kept, cached: true };
    }
    this.counted.inc({ result: 'miss' });
    const fresh: KeptQuote = { quotes: await price(), quotedAt: new Date().toISOString() };
    if (this.ttlSeconds > 0) await this.redis.set(key, JSON.stringify(fresh), 'EX', this.ttlSeconds).catch(() => undefined);
    return { ...fresh, cached: false };
  }

  /** A cache that cannot be read is a miss, never a failed quote. */
  private async read(key: string): Promise<KeptQuote | null> {
    const text = await this.redis.get(key).catch(() => null);
    return text ? (JSON.parse(text) as KeptQuote) : null;
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}

/** The same origin, destination and parcels (in any order) give the same key; any difference another. */
export function fingerprint(from: Address, to: Address, parcels: readonly Parcel[]): string {
  const place = (address: Address) => [address.street, address.suburb ?? '', address.city ?? '', address.state ?? '', address.postCode, address.countryCode].map((part) => part.trim().toLowerCase());
  const boxes = parcels.map((parcel) => [parcel.weightGrams, parcel.lengthMm ?? 0, parcel.widthMm ?? 0, parcel.heightMm ?? 0].join('x')).sort();
  return createHash('sha256').update(JSON.stringify([place(from), place(to), boxes])).digest('hex');
}
