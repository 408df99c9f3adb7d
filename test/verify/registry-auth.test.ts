import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  basicHeader,
  normalizeAuthKey,
  parseChallenges,
  RegistryConfig
} from '../../src/verify/registry-auth.js'

const b64 = (s: string) => Buffer.from(s).toString('base64')

describe('RegistryConfig', () => {
  const config = RegistryConfig.parse(
    JSON.stringify({
      auths: {
        'quay.io': { auth: b64('robot+ci:s3cr:et') },
        'quay.io/team/app': { username: 'app', password: 'pw' },
        'https://index.docker.io/v1/': { auth: b64('hub:hubpw') },
        'Registry.Example.com:5000': { identitytoken: 'refresh-me' },
        'http://tokens.example/': { registrytoken: 'abc' }
      }
    }),
    'auth.json'
  )

  it('decodes auth as user:password (the password may contain colons)', () => {
    expect(config.lookup('quay.io', 'other/x')).toEqual({
      username: 'robot+ci',
      password: 's3cr:et'
    })
  })

  it('prefers the most specific repository key (podman style)', () => {
    expect(config.lookup('quay.io', 'team/app')).toEqual({ username: 'app', password: 'pw' })
    expect(config.lookup('quay.io', 'team/app-other')?.username).toBe('robot+ci')
  })

  it('treats Docker Hub aliases as one registry and ignores scheme, case and /v1/', () => {
    expect(config.lookup('registry-1.docker.io', 'library/busybox')?.username).toBe('hub')
    expect(config.lookup('docker.io')?.username).toBe('hub')
    expect(config.lookup('registry.example.com:5000')).toEqual({ identityToken: 'refresh-me' })
    expect(config.lookup('tokens.example')).toEqual({ registryToken: 'abc' })
    expect(config.lookup('elsewhere.io')).toBeUndefined()
  })

  it('normalizes keys', () => {
    expect(normalizeAuthKey('https://Quay.IO/v2/')).toBe('quay.io')
    expect(normalizeAuthKey('quay.io/NS/Repo/')).toBe('quay.io/NS/Repo')
  })

  it('rejects malformed files with the file and key named', async () => {
    expect(() => RegistryConfig.parse('{', 'a.json')).toThrow(/^a\.json: not valid JSON/)
    expect(() => RegistryConfig.parse('[]', 'a.json')).toThrow('a.json: not a JSON object')
    expect(() => RegistryConfig.parse('{"auths":[]}', 'a.json')).toThrow('"auths" is not an object')
    expect(() =>
      RegistryConfig.parse(
        JSON.stringify({ auths: { 'q.io': { auth: b64('nocolon') } } }),
        'a.json'
      )
    ).toThrow('auths."q.io".auth is not base64 of "user:password"')
    expect(RegistryConfig.parse('{}', 'a.json').lookup('q.io')).toBeUndefined()
    const dir = await mkdtemp(join(tmpdir(), 'mg-auth-'))
    try {
      await expect(RegistryConfig.load(join(dir, 'none.json'))).rejects.toThrow(
        /cannot read registry config .*none\.json/
      )
      await writeFile(
        join(dir, 'ok.json'),
        JSON.stringify({ auths: { 'q.io': { auth: b64('u:p') } } })
      )
      expect((await RegistryConfig.load(join(dir, 'ok.json'))).lookup('q.io')).toEqual({
        username: 'u',
        password: 'p'
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('builds a basic header only with both user and password', () => {
    expect(basicHeader({ username: 'u', password: 'p:w' })).toBe(`Basic ${b64('u:p:w')}`)
    expect(basicHeader({ username: 'u' })).toBeUndefined()
  })
})

describe('parseChallenges', () => {
  it('parses a registry bearer challenge', () => {
    expect(
      parseChallenges(
        'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:ns/app:pull,push"'
      )
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.example.com/token',
          service: 'registry.example.com',
          scope: 'repository:ns/app:pull,push'
        }
      }
    ])
  })

  it('parses several challenges, unquoted values, escapes and odd spacing', () => {
    expect(
      parseChallenges([
        'Basic realm="Registry Realm", charset=UTF-8',
        'bearer  realm = "http://x/t\\"q" , error=invalid_token'
      ])
    ).toEqual([
      { scheme: 'basic', params: { realm: 'Registry Realm', charset: 'UTF-8' } },
      { scheme: 'bearer', params: { realm: 'http://x/t"q', error: 'invalid_token' } }
    ])
  })

  it('returns nothing for an absent or empty header', () => {
    expect(parseChallenges(undefined)).toEqual([])
    expect(parseChallenges('')).toEqual([])
  })
})
