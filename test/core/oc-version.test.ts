import { describe, expect, it } from 'vitest'
import {
  formatOcVersion,
  ocVersionNote,
  parseOcClientVersion,
  replansFileLayers
} from '../../src/core/oc-version.js'

describe('parseOcClientVersion', () => {
  it('reads a release build', () => {
    const v = parseOcClientVersion(
      'Client Version: 4.13.0-202404020000.p0.gd192e90.assembly.stream-d192e90\nKustomize Version: v4.5.7\n'
    )
    expect(v).toEqual({
      major: 4,
      minor: 13,
      patch: 0,
      raw: '4.13.0-202404020000.p0.gd192e90.assembly.stream-d192e90'
    })
  })
  it('reads a build from a source branch (v prefix)', () => {
    const v = parseOcClientVersion(
      'Client Version: v4.14.0-release-4.14-44b3ac26e\nKustomize Version: v5.0.1'
    )
    expect(v && formatOcVersion(v)).toBe('4.14.0')
    expect(v?.raw).toBe('v4.14.0-release-4.14-44b3ac26e')
  })
  it('reads a build from a client tag (git describe)', () => {
    const v = parseOcClientVersion(
      'Client Version: openshift-clients-4.12.0-202208031327-171-gd69125734'
    )
    expect(v).toMatchObject({ major: 4, minor: 12, patch: 0 })
    expect(v?.raw).toBe('openshift-clients-4.12.0-202208031327-171-gd69125734')
  })
  it('reads the Go struct of old clients and CRLF output', () => {
    const v = parseOcClientVersion(
      'Client Version: version.Info{Major:"4", Minor:"5+", GitVersion:"v4.5.0-202007012112.p0-b4a4c7a", GitCommit:"x"}\r\n'
    )
    expect(v && formatOcVersion(v)).toBe('4.5.0')
  })
  it('finds the line among warnings and keeps a short version', () => {
    expect(
      parseOcClientVersion('W0101 some warning\nClient Version: 4.16.2\nServer Version: 4.15.0')
    ).toEqual({ major: 4, minor: 16, patch: 2, raw: '4.16.2' })
    expect(parseOcClientVersion('Client Version: 4.15')).toMatchObject({ minor: 15, patch: 0 })
  })
  it('tolerates missing or odd output', () => {
    for (const text of [
      '',
      'oc: command output nothing useful',
      'Client Version:',
      'Client Version: unknown',
      'Client Version: v0.0.0-master+$Format:%H$'.replace('v0.0.0', 'vX'),
      'Server Version: 4.14.0'
    ]) {
      expect(parseOcClientVersion(text), text).toBeUndefined()
    }
    // A development build still has numbers: they are taken as they are.
    expect(parseOcClientVersion('Client Version: v0.0.0-unknown-abc')).toMatchObject({
      major: 0,
      minor: 0
    })
  })
})

describe('replansFileLayers', () => {
  const v = (major: number, minor: number) => ({ major, minor, patch: 0, raw: '' })
  it('is true from 4.14, false before and when unknown', () => {
    expect(replansFileLayers(v(4, 13))).toBe(false)
    expect(replansFileLayers(v(4, 8))).toBe(false)
    expect(replansFileLayers(v(4, 14))).toBe(true)
    expect(replansFileLayers(v(4, 20))).toBe(true)
    expect(replansFileLayers(v(5, 0))).toBe(true)
    expect(replansFileLayers(v(0, 0))).toBe(false)
    expect(replansFileLayers(undefined)).toBe(false)
  })
  it('says what the version changes', () => {
    expect(ocVersionNote(v(4, 13))).toContain('removes the stale manifest entries')
    expect(ocVersionNote(v(4, 14))).toContain('as is')
    expect(ocVersionNote(undefined)).toContain('unknown')
  })
})
