// The shared text helpers: one-line sanitising under each control rule, counted nouns, messages.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { errorMessage, oneLine, plural, stripControl, truncate } from '../../src/core/text.js'

// eslint-disable-next-line no-control-regex -- the characters under test
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

describe('oneLine', () => {
  it('mark (default): each break or TAB one space, any other control character a visible ?', () => {
    expect(oneLine('a\r\nb\tc\u2028d\u0007e\u009bf\u007f')).toBe('a  b c d?e?f?')
    expect(oneLine('\u001b[31mred')).toBe('?[31mred')
  })

  it('space: other control characters become spaces; squeeze joins a multi-line message', () => {
    expect(oneLine('a\u0007b', { control: 'space' })).toBe('a b')
    expect(
      oneLine('errors:\n  * one\r\n\n  * two\u0007 ', { control: 'space', squeeze: true })
    ).toBe('errors: * one * two')
  })

  it('drop: ANSI sequences and controls go, a run of LF and TAB is one space, CR goes', () => {
    expect(oneLine('\u001b[1;31mred\u001b[0m\r\n\n\tx\u0000y\u2028z', { control: 'drop' })).toBe(
      'red xyz'
    )
    expect(oneLine('\u001b]8;;https://e.x\u0007link\u001b]8;;\u0007', { control: 'drop' })).toBe(
      'link'
    )
  })

  it('max keeps that many characters, then …', () => {
    expect(oneLine('abcdef', { max: 3 })).toBe('abc…')
    expect(oneLine('abc', { max: 3 })).toBe('abc')
  })

  it('never leaves a control character, whatever the rule', () => {
    for (const control of ['mark', 'space', 'drop'] as const) {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (s, squeeze) => {
          expect(oneLine(s, { control, squeeze })).not.toMatch(ANY_CONTROL)
        })
      )
    }
  })
})

describe('stripControl and truncate', () => {
  it('stripControl keeps TAB and LF, drops CR, ANSI and the rest', () => {
    expect(stripControl('a\tb\r\nc\u001b[2Kd\u0000')).toBe('a\tb\ncd')
  })

  it('truncate caps the length including the mark and never splits a surrogate pair', () => {
    expect(truncate('abcdef', 4)).toBe('abc…')
    expect(truncate('abc', 3)).toBe('abc')
    expect(truncate('ab😀cd', 4)).toBe('ab…')
  })
})

describe('plural and errorMessage', () => {
  it('plural adds s, or takes the irregular form', () => {
    expect(plural(1, 'line')).toBe('1 line')
    expect(plural(0, 'line')).toBe('0 lines')
    expect(plural(2, 'mapping entry', 'mapping entries')).toBe('2 mapping entries')
    expect(plural(1, 'entry', 'entries')).toBe('1 entry')
  })

  it('errorMessage: an Error its message, anything else as a string', () => {
    expect(errorMessage(new TypeError('bad'))).toBe('bad')
    expect(errorMessage('text')).toBe('text')
    expect(errorMessage(42)).toBe('42')
    expect(errorMessage(undefined)).toBe('undefined')
  })
})
