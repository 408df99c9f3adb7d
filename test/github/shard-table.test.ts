// The aggregate's per-shard table, rendered as GitHub would (markdown-it, GFM tables).
import { describe, expect, it } from 'vitest'
import { formatBytes, formatDuration, renderShardTable } from '../../src/github/shard-table.js'
import { renderSummary } from '../../src/github/summary.js'
import { renderGfm, tableAfter, visibleText } from '../support/gfm.js'
import { HOSTILE } from './hostile.js'

const rows = [
  {
    index: 1,
    count: 3,
    report: 'oc-mirror-log-1-of-3',
    entries: 4,
    mirrored: 4,
    failed: 0,
    attempts: 1,
    durationSeconds: 3725,
    bytes: 1_234_000_000,
    outcome: 'success'
  },
  {
    index: 2,
    count: 3,
    report: 'oc-mirror-log-2-of-3',
    entries: 3,
    mirrored: 1,
    failed: 2,
    attempts: 3,
    durationSeconds: 187,
    outcome: 'partial'
  },
  {
    index: 3,
    count: 3,
    entries: 2,
    mirrored: 0,
    failed: 2,
    attempts: 0,
    missing: 'no artifact oc-mirror-log-3-of-3 in this run'
  }
]

describe('per-shard table', () => {
  it('one row per shard; a missing shard says so and why', () => {
    const html = renderGfm(renderShardTable(rows))
    const cells = tableAfter(html, 'Shards').map((r) => r.map(visibleText))
    expect(cells).toEqual([
      ['Shard', 'Lines', 'Mirrored', 'Failed', 'Attempts', 'Duration', 'Bytes', 'Status'],
      ['1/3', '4', '4', '0', '1', '1h02m', '1.2 GB', '✅ success'],
      ['2/3', '3', '1', '2', '3', '3m07s', '–', '⚠️ partial'],
      [
        '3/3',
        '2',
        '0',
        '2',
        '–',
        '–',
        '–',
        '❌ no report: no artifact oc-mirror-log-3-of-3 in this run'
      ]
    ])
    expect(visibleText(html)).toContain(
      '3 shards, 1 without a report (their lines count as unconfirmed and are in the retry mapping); 1.2 GB mirrored as the engines reported it.'
    )
  })

  it('inside the summary, after the outcome and before the failure classes', () => {
    const md = renderSummary({
      title: 'mirror-guard: aggregate of 3 shards',
      lines: [],
      shards: rows
    })
    expect(md.indexOf('### Shards')).toBeGreaterThan(md.indexOf('## mirror'))
    expect(renderSummary({ lines: [] })).not.toContain('### Shards')
  })

  it('hostile text in a missing reason or an outcome stays text', () => {
    for (const h of HOSTILE) {
      const html = renderGfm(
        renderShardTable([
          { ...rows[2], missing: h },
          { ...rows[0], outcome: h }
        ])
      )
      const cells = tableAfter(html, 'Shards')
      expect(cells).toHaveLength(3)
      for (const row of cells) expect(row).toHaveLength(8)
      expect(html).not.toMatch(/<script|<img|<a /)
    }
  })

  it('formats durations and sizes', () => {
    expect([undefined, 0, 59.6, 61, 3600, 7322].map(formatDuration)).toEqual([
      '–',
      '0s',
      '1m00s',
      '1m01s',
      '1h00m',
      '2h02m'
    ])
    expect([undefined, 0, 999, 1000, 15_400, 2_500_000_000].map(formatBytes)).toEqual([
      '–',
      '0 B',
      '999 B',
      '1.0 kB',
      '15 kB',
      '2.5 GB'
    ])
  })
})
