// Run-level findings (errors and warnings no mapping line can be blamed for) stay bounded in
// memory however many a log holds, and the counts stay exact.
import { describe, expect, it } from 'vitest'
import { Attributor } from '../../src/core/attribute.js'
import { LogParser } from '../../src/core/log-parser.js'
import { parseMappingText } from '../../src/core/mapping.js'
import { buildReport } from '../../src/core/report.js'

describe('run-level findings', () => {
  it('keeps the first 500 whole and counts the rest per severity and class', () => {
    const set = parseMappingText('quay.io/ns/a:v1=mirror.example.com/ns/a:v1\n', 'mapping.txt')
    const a = new Attributor(set)
    const parser = new LogParser()
    const feed = (line: string) => {
      for (const e of parser.push(line)) a.onEvent(e)
    }
    for (let i = 0; i < 1200; i++) feed(`error: something went wrong ${i}`)
    for (let i = 0; i < 700; i++) feed(`warning: unexpected thing ${i}`)
    feed('error: dial tcp 10.0.0.1:443: connect: connection refused')
    for (const e of parser.end()) a.onEvent(e)
    const result = a.finish()
    const whole = result.runLevel.filter((f) => f.count === undefined)
    const counted = result.runLevel.filter((f) => f.count !== undefined)
    expect(whole).toHaveLength(500)
    expect(whole[0]?.text).toBe('something went wrong 0')
    const total = (sev: string) =>
      result.runLevel.filter((f) => f.severity === sev).reduce((n, f) => n + (f.count ?? 1), 0)
    expect(total('error')).toBe(1201)
    expect(total('warning')).toBe(700)
    // One counted finding per severity and class, naming how many it stands for.
    const keys = counted.map((f) => `${f.severity} ${f.class}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(counted.find((f) => f.class === 'network')).toMatchObject({ count: 1 })
    const warning = counted.find((f) => f.severity === 'warning')
    expect(warning?.count).toBe(700)
    expect(warning?.reason).toMatch(/and 699 more warnings of this class not listed/)
    expect(buildReport(set, result).stats.runLevelErrors).toBe(1201)
  })
})
