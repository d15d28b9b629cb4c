import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import Bull from 'bull';
import { startPrivateRedis, type PrivateRedis } from '../../../../test/support/private-redis.js';
import { eventually } from '../../../../test/support/sync-system.js';
import { keepScheduled } from './keep-scheduled.js';

describe('keeping a repeatable schedule', () => {
  let redis: PrivateRedis;
  let queue: Bull.Queue;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    queue = new Bull('scheduled', redis.url);
  });
  afterAll(async () => {
    await queue?.close();
    await redis?.stop();
  });

  const schedules = async () => (await queue.getRepeatableJobs()).map((job) => `${job.name} every ${job.every}`);
  const schedule = () => queue.add('tick', {}, { repeat: { every: 60_000 } });

  it('adds the schedule once, however often it is restored', async () => {
    await keepScheduled(queue, schedule, new Logger('test'));
    await schedule();
    expect(await schedules()).toEqual(['tick every 60000']);
  });

  it('restores it when Redis comes back without its data', async () => {
    await redis.stop();
    await redis.start();
    const restored = await eventually(schedules, (found) => found.length > 0);
    expect(restored).toEqual(['tick every 60000']);
  });
});
