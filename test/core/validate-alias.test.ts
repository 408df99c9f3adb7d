// validate's destination-alias warning covers every spelling of one registry repository
// (docs/oc-behaviour.md §4.6), not only host case.
import { describe, expect, it } from 'vitest'
import { parseMappingText } from '../../src/core/mapping.js'
import { lintMappings } from '../../src/core/validate.js'

const aliases = (text: string) =>
  lintMappings(parseMappingText(text, 'm.txt'), { keepManifestList: true })
    .filter((f) => f.code === 'destination-alias')
    .map((f) => f.line)

describe('destination-alias', () => {
  it('warns for Docker Hub aliases, library/, host case and :443', () => {
    expect(aliases('a.io/x:v1 app:v1\nb.io/y:v1 docker.io/library/app:v1\n')).toEqual([2])
    expect(aliases('a.io/x:v1 index.docker.io/ns/app:v1\nb.io/y:v1 ns/app:v1\n')).toEqual([2])
    expect(aliases('a.io/x:v1 Quay.io/ns/app:v1\nb.io/y:v1 quay.io:443/ns/app:v1\n')).toEqual([2])
  })

  it('leaves other ports, registries and tags alone', () => {
    expect(aliases('a.io/x:v1 quay.io:5000/ns/app:v1\nb.io/y:v1 quay.io/ns/app:v1\n')).toEqual([])
    expect(aliases('a.io/x:v1 docker.io/ns/app:v1\nb.io/y:v1 docker.io/app:v1\n')).toEqual([])
    expect(aliases('a.io/x:v1 app:v1\nb.io/y:v1 app:v2\n')).toEqual([])
  })
})
