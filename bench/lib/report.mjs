// Turns the phases' results into one table with a target column, and checks the targets of issue 4.
const ms = (value) => (value === null || value === undefined ? '–' : `${value} ms`);
const lat = (l) => (l ? `p50 ${ms(l.p50)} · p95 ${ms(l.p95)} · p99 ${ms(l.p99)}` : '–');

/** [measurement, figure, target, met (true/false/null)] rows. */
export function reportRows(r) {
  const rows = [];
  const target = (name, figure, text, met) => rows.push([name, figure, text, met]);
  for (const step of r.commands?.steps ?? []) {
    target(`command mix, concurrency ${step.concurrency}`, `${step.commandsPerSecond}/s · ${lat(step.latencyMs)} · ${step.errors} errors`, '', null);
  }
  if (r.send) {
    for (const step of r.send.steps) target(`send, concurrency ${step.concurrency}`, `${step.perSecond}/s · ${lat(step.latencyMs)} · ${step.errors} errors`, '', null);
    target('send at the knee', `${r.send.knee.perSecond}/s (concurrency ${r.send.knee.concurrency}, p95 ${ms(r.send.knee.p95Ms)})`, '≥ 1,500/s', r.send.knee.perSecond >= 1500);
    const fixed = r.send.fixedRate;
    target(`send at ${fixed.rate}/s`, `${lat(fixed.latencyMs)} · ${fixed.achieved}/s achieved · ${fixed.errors} errors`, 'p95 < 20 ms', fixed.latencyMs.p95 !== null && fixed.latencyMs.p95 < 20);
  }
  if (r.floor) {
    target(`raw floor (pg, ${r.floor.connections} connections)`, `${r.floor.transactionsPerSecond} send transactions/s`, '', null);
    if (r.send) {
      const ratio = Math.round((r.send.knee.perSecond / r.floor.transactionsPerSecond) * 100) / 100;
      r.commandsToFloor = ratio;
      target('send commands/s ÷ raw floor', `${ratio}×`, '≥ 0.5×', ratio >= 0.5);
    }
  }
  if (r.commandPath) commandPathRows(r.commandPath, target);
  for (const [op, label] of [['detail', 'read: transfer detail'], ['list', 'read: filtered list page'], ['history', `read: event history (${r.reads?.historyEvents} events)`]]) {
    if (r.reads?.[op]) target(label, `${lat(r.reads[op].latencyMs)} · ${r.reads[op].perSecond}/s · ${r.reads[op].errors} errors`, '', null);
  }
  if (r.syncLag) {
    target(`sync lag (sandbox +${r.syncLag.sandboxLatencyMs} ms/call, ${r.syncLag.samples} sends)`, `p50 ${ms(r.syncLag.lagMs.p50)} · p95 ${ms(r.syncLag.lagMs.p95)} · ${r.syncLag.sandboxCalls} calls of ${r.syncLag.rateBudgetPer5Minutes}/5 min budget`, 'p95 < 1 s', r.syncLag.lagMs.p95 < 1000);
  }
  if (r.callsPerTransfer) {
    for (const [type, figure] of Object.entries(r.callsPerTransfer)) {
      const outlet = type === 'outletTransfer';
      target(`Lightspeed calls per 20-line transfer: ${type}`, `${figure.calls} calls`, outlet ? '≤ 8' : '', outlet ? figure.calls <= 8 : null);
    }
  }
  if (r.rebuild) target(`projection rebuild (${r.rebuild.events.toLocaleString('en')} events)`, `${r.rebuild.eventsPerSecond?.toLocaleString('en')} events/s`, '≥ 20,000/s', r.rebuild.eventsPerSecond >= 20_000);
  if (r.append) {
    target(`append, ours (concurrency ${r.append.concurrency})`, `${r.append.oursPerSecond}/s`, '', null);
    target('append, ours inside BEGIN/COMMIT', `${r.append.oursInTransactionPerSecond}/s`, '', null);
    target('append, Emmett PostgreSQL', `${r.append.emmettPerSecond}/s`, '', null);
    target('append, ours ÷ Emmett', `${r.append.ratio}×`, '≥ 1.5×', r.append.ratio >= 1.5);
  }
  if (r.audit) {
    const a = r.audit;
    const within = (mb) => mb < a.bound.rssMb;
    const size = `${a.lines.toLocaleString('en')} lines, ${a.commands.toLocaleString('en')} commands`;
    const read = (x) => `${x.entries} entries in ${x.pages} pages (${Math.round(x.bytes / 1e4) / 100} MB, largest page ${Math.round(x.largestPageBytes / 1e3)} KB) in ${x.seconds} s`;
    const bound = `peak RSS < ${a.bound.rssMb} MB, heap ≤ ${a.bound.heapMb} MB`;
    target(`audit storage (${size})`, `${a.storage.tableMb} MB table · largest one-line edit ${a.storage.largestEditBytes} B · creation ${Math.round(a.storage.creationBytes / 1e3)} KB`, '', null);
    target('audit rebuild', `${a.rebuild.seconds} s · peak RSS ${a.rebuild.peakRssMb} MB`, bound, within(a.rebuild.peakRssMb));
    target('audit read: the transfer\'s trail', read(a.trail), '', null);
    target('audit read: search, all / by actor', `${read(a.search)} / ${a.searchByActor.entries} entries in ${a.searchByActor.seconds} s`, '', null);
    target('audit reads: API peak RSS', `${a.api.peakRssMb} MB (${a.api.rssAfterStartMb} MB after start)`, bound, within(a.api.peakRssMb));
  }
  if (r.export) {
    const e = r.export;
    const flat = e.api.rssMiddleHalfMb;
    target(`audit CSV export (${e.rows.toLocaleString('en')} entries, ${e.megabytes} MB)`, `${e.rowsPerSecond.toLocaleString('en')} rows/s (${e.seconds} s)`, '', null);
    target(
      'audit CSV export: API RSS',
      `peak ${e.api.peakRssMb} MB (${e.api.rssAfterStartMb} MB after start; mid-stream ${flat ? `${flat.first} → ${flat.last} MB` : '–'})`,
      `peak RSS < ${e.bound.rssMb} MB`,
      e.api.peakRssMb < e.bound.rssMb,
    );
  }
  if (r.packing) {
    for (const [offered, sizes] of [['cartons and satchels', r.packing.cartonsAndSatchels], ['with the pallet', r.packing.withPallet]]) {
      for (const size of sizes) {
        target(
          `suggested packing, ${size.lines} lines (${size.meanUnits} units), ${offered}`,
          `boxes ÷ lower bound ${size.meanBoxesOverBound} (worst ${size.worstBoxesOverBound}) · median ${size.medianMs} ms, max ${size.maxMs} ms`,
          size.lines === 200 ? `median < ${r.packing.targetMs} ms` : '',
          size.lines === 200 ? size.medianMs < r.packing.targetMs : null,
        );
      }
    }
  }
  if (r.memory) {
    target('API peak RSS (VmHWM)', `${r.memory.api.peakMb} MB`, '< 300 MB', r.memory.api.peakMb < 300);
    target('worker peak RSS (VmHWM)', `${r.memory.worker.peakMb} MB`, '', null);
  }
  return rows;
}

const COMMAND_NAMES = { create: 'create', packed: 'PUT packed', send: 'send', receive: 'receive' };

/** The commandPath phase: both floors, the two send-class commands closed and open loop, round trips and files per command. */
function commandPathRows(c, target) {
  const floorOf = c.leanFloor.commandsPerSecond;
  target(`command path: lean floor (pg, ${c.leanFloor.connections} connections)`, `${floorOf} commands/s`, '', null);
  target(`command path: heavy floor (pg, ${c.heavyFloor.connections} connections)`, `${c.heavyFloor.transactionsPerSecond} send transactions/s`, '', null);
  for (const op of ['packed', 'send']) {
    const closed = c[op].closedLoop;
    target(
      `command path: ${COMMAND_NAMES[op]} (2 lines), ${closed.concurrency} clients`,
      `${closed.perSecond}/s = ${closed.ofLeanFloor}× lean floor · ${lat(closed.latencyMs)} · ${closed.errors} errors`,
      '≥ 0.3× lean floor',
      closed.ofLeanFloor !== null && closed.ofLeanFloor >= 0.3,
    );
  }
  for (const op of ['packed', 'send']) {
    const open = c[op].openLoop;
    target(
      `command path: ${COMMAND_NAMES[op]} at ${open.rate}/s (open loop)`,
      `${lat(open.latencyMs)} · ${open.achieved}/s achieved · ${open.errors} errors`,
      'p95 < 20 ms',
      open.latencyMs.p95 !== null && open.latencyMs.p95 < 20,
    );
  }
  for (const [op, name] of Object.entries(COMMAND_NAMES)) {
    const trips = c.roundTrips[op];
    target(`command path: PostgreSQL round trips, ${name}`, `${trips.mean} per command (${trips.min}–${trips.max} over ${trips.commands})`, '≤ 4', trips.mean <= 4);
  }
  const files = Object.entries(COMMAND_NAMES).map(([op, name]) => `${name} ${c.files[op]}`).join(' · ');
  target('command path: production files reached', `${files} · all ${c.files.all}`, '', null);
}

export function printTable(rows) {
  const header = ['measurement', 'figure', 'target', 'met'];
  const cells = rows.map(([name, figure, text, met]) => [name, figure, text, met === null ? '' : met ? 'met' : 'MISSED']);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => cell.padEnd(widths[column])).join(' | ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const row of cells) console.log(line(row));
}
