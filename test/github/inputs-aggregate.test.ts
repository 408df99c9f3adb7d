// mode: aggregate's inputs: the mapping and the shard count N are required, `I/N` and
// retry-from are errors, and a bare N is refused outside aggregate mode.
import { describe, expect, it } from 'vitest'
import { readInputs } from '../../src/github/inputs.js'

const read = (values: Record<string, string>) => readInputs((name) => values[name] ?? '')

describe('mode: aggregate inputs', () => {
  it('mapping and shard: N give shardCount, and no shard (no artifact suffix)', () => {
    const r = read({ mode: 'aggregate', mapping: 'a.txt\nb.txt', shard: ' 32 ' })
    if (!r.ok) throw new Error(r.errors.join('\n'))
    expect(r.inputs).toMatchObject({
      mode: 'aggregate',
      mapping: ['a.txt', 'b.txt'],
      shardCount: 32
    })
    expect(r.inputs.shard).toBeUndefined()
  })

  it.each([
    [
      { shard: '3' },
      'Input mapping: mode: aggregate needs the mapping files the shards were cut from (the same `mapping` as the shard jobs).'
    ],
    [
      { mapping: 'm.txt' },
      'Input shard: mode: aggregate needs the number of shards the matrix ran, e.g. `shard: 8`.'
    ],
    [
      { mapping: 'm.txt', shard: '2/3' },
      'Input shard: "2/3" is one shard; mode: aggregate takes the shard count N alone (e.g. `shard: 8`).'
    ],
    [
      { mapping: 'm.txt', shard: 'all' },
      'Input shard: "all" is not a shard count; mode: aggregate takes N alone (e.g. `shard: 8`).'
    ],
    [{ mapping: 'm.txt', shard: '0' }, 'Input shard: "0": the shard count must be from 1 to 256.'],
    [
      { mapping: 'm.txt', shard: '257' },
      'Input shard: "257": the shard count must be from 1 to 256.'
    ],
    [
      { mapping: 'm.txt', shard: '3', 'retry-from': 'r' },
      'Input retry-from: not with mode: aggregate, which merges the shard reports of this run; retry its retry mapping in a later job.'
    ]
  ])('%j → one error', (values, error) => {
    const r = read({ mode: 'aggregate', ...values })
    expect(r.ok ? [] : r.errors).toEqual([error])
  })

  it('a bare count outside aggregate mode says what a shard job takes', () => {
    const r = read({ mapping: 'm.txt', shard: '4' })
    expect(r.ok ? [] : r.errors).toEqual([
      'Input shard: "4" is a shard count; a shard job takes I/N (e.g. `${{ matrix.shard }}/4`), only mode: aggregate takes N alone.'
    ])
  })
})
