import { eventPage, type FeedEvent } from '../../api.js';
import { DataTable } from '../data-table.js';
import { PagedList } from '../paged-list.js';
import { usePages } from '../use-pages.js';

/** Who made the event, as its metadata records it. */
const actorOf = (event: FeedEvent): string => {
  const actor = event.metadata['actor'] as { id?: string; name?: string | null } | undefined;
  return actor?.name ?? actor?.id ?? '—';
};

/** Every event in commit order, page by page, each linked to its transfer's history. */
export function EventFeed() {
  const { state, more } = usePages<FeedEvent, number>('feed', 0, async (after) => {
    const page = await eventPage(after);
    // An empty page means the feed is read to its end for now.
    return { items: page.items, next: page.items.length > 0 ? page.nextAfter : null };
  });
  return (
    <main class="page wide">
      <h1>Event feed</h1>
      <PagedList state={state} onMore={more} failure="Could not read the feed" empty="No event has been recorded yet.">
        {(events) => (
          <DataTable label="Events" columns={['Position', 'Type', 'Stream', 'Time', 'Actor']} rows={events}>
            {(event) => (
              <tr key={event.position}>
                <td>{event.position}</td>
                <td>{event.type}</td>
                <td>
                  {event.transferId ? <a href={`#/console/history/${event.transferId}`}>transfer {event.transferId.slice(0, 8)}</a> : `box type ${event.boxTypeId?.slice(0, 8) ?? ''}`} v{event.version}
                </td>
                <td><time dateTime={event.recordedAt}>{new Date(event.recordedAt).toLocaleString()}</time></td>
                <td>{actorOf(event)}</td>
              </tr>
            )}
          </DataTable>
        )}
      </PagedList>
    </main>
  );
}
