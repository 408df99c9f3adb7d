// The bound of any faster line scanner: a copy of a log without the lines triage only counts.
// Reads the log the way triage does (LineSplitter, LogParser with foldRoutine) and writes every
// line the parser did not fold as routine: decoded lines and success lines. A scanner that
// skipped routine lines at no cost at all would still leave triage this work, so the triage
// time of the copy is a floor for the original. Built with ncc by the benchmark;
// usage: node significant-lines.js <log> <out>, prints `{"lines":N,"kept":N,"routine":N}`.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { chunks, latin1, LineSplitter } from '../../src/core/log-lines.js'
import { LogParser, type EventSink } from '../../src/core/log-parser.js'
import type { LogEvent } from '../../src/core/types.js'

async function main(): Promise<void> {
  const [from, to] = process.argv.slice(2)
  if (!from || !to) throw new Error('usage: significant-lines <log> <out>')
  const parser = new LogParser({ foldRoutine: true })
  const stats = { lines: 0, bytes: 0 }
  const splitter = new LineSplitter(stats)
  const out = createWriteStream(to)
  let batch: string[] = []
  let routine = 0
  // Routine lines end in one `routine` event; counting them as they fold is what matters here.
  let routineEvents = 0
  const sink: EventSink = {
    push: (e: LogEvent) => {
      if (e.kind === 'routine') routineEvents += e.lines
    }
  }
  const keep = (line: string): void => {
    batch.push(line)
    parser.pushInto(line, sink)
  }
  const fold = (buf: Buffer, start: number, end: number): boolean => {
    const before = parser.stats.folded
    if (!parser.tryFold(buf, start, end, sink)) return false
    // A folded success line is emitted, not counted: it stays in the copy.
    if (parser.stats.folded > before) routine++
    else batch.push(latin1(buf, start, end))
    return true
  }
  for await (const chunk of chunks(from)) {
    splitter.feed(chunk, keep, fold)
    if (batch.length >= 10_000) {
      if (!out.write(batch.join('\n') + '\n')) await once(out, 'drain')
      batch = []
    }
  }
  const last = splitter.end()
  if (last !== undefined) keep(last)
  for (const e of parser.end()) sink.push(e)
  if (batch.length) out.write(batch.join('\n') + '\n')
  out.end()
  await once(out, 'finish')
  if (routineEvents !== routine)
    throw new Error(`${routine} lines folded, ${routineEvents} counted`)
  const kept = stats.lines - routine
  process.stdout.write(JSON.stringify({ lines: stats.lines, kept, routine }) + '\n')
}

await main()
