import { describe, expect, it } from 'vitest'
import { IdIndex } from '../../src/core/id-index.js'

describe('IdIndex', () => {
  it('keeps ids per key in insertion order, one or many', () => {
    const ix = new IdIndex()
    ix.add('a', 3)
    ix.add('b', 1)
    ix.add('a', 7)
    ix.add('a', 9)
    expect(ix.get('a')).toEqual([3, 7, 9])
    expect(ix.get('b')).toEqual([1])
    expect(ix.get('c')).toBeUndefined()
    expect(ix.has('b')).toBe(true)
    expect(ix.has('c')).toBe(false)
  })
})

describe('IdIndex.peek', () => {
  it('gives a single id as a number, several as their list, and leaves get unchanged', () => {
    const ix = new IdIndex()
    ix.add('a', 3)
    ix.add('b', 1)
    ix.add('b', 4)
    expect(ix.peek('a')).toBe(3)
    expect(ix.peek('b')).toEqual([1, 4])
    expect(ix.peek('c')).toBeUndefined()
    expect(ix.get('a')).toEqual([3])
    expect(ix.peek('a')).toEqual([3])
  })
})
