// Image manifests as oc writes and registries serve them: Docker schema 2, OCI manifest,
// Docker manifest list, OCI index (and legacy schema 1, which still exists in old mirrors).
import { isDigest } from './digest.js'
import { oneLine } from '../core/text.js'

export const MEDIA_TYPES = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
  dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws'
} as const

/** Accept header for manifest GETs: every manifest kind we can check. */
export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.dockerManifest,
  MEDIA_TYPES.dockerList,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerSchema1Signed,
  MEDIA_TYPES.dockerSchema1
].join(', ')

/** Manifests are small; anything bigger is not a manifest (and is not read into memory). */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024

export interface Descriptor {
  readonly digest: string
  /** Undefined only for schema 1 layers, which carry no size. */
  readonly size?: number
  readonly mediaType?: string
  /** What the blob is to the manifest, for messages: `config`, `layer[2]`, `linux/arm64/v8`. */
  readonly role: string
}

export type ParsedManifest =
  | {
      readonly kind: 'image'
      readonly mediaType: string
      readonly config?: Descriptor
      readonly layers: readonly Descriptor[]
    }
  | {
      readonly kind: 'index'
      readonly mediaType: string
      readonly manifests: readonly Descriptor[]
    }

export type ParseResult = { manifest: ParsedManifest } | { error: string }

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

function descriptor(raw: unknown, role: string, needSize: boolean): Descriptor | string {
  if (!isObject(raw)) return `${role} is not an object`
  const digest = raw.digest
  if (!isDigest(digest)) return `${role} has no valid digest`
  const size = raw.size
  if (
    size !== undefined &&
    !(typeof size === 'number' && Number.isSafeInteger(size) && size >= 0)
  ) {
    return `${role} has an invalid size`
  }
  if (needSize && size === undefined) return `${role} has no size`
  const mediaType = typeof raw.mediaType === 'string' ? raw.mediaType : undefined
  return { digest, size, mediaType, role }
}

function platformName(raw: unknown, index: number): string {
  if (!isObject(raw) || !isObject(raw.platform)) return `manifest #${index + 1}`
  const p = raw.platform
  const parts = [p.os, p.architecture, p.variant].filter((x) => typeof x === 'string' && x !== '')
  // Platform strings come from the registry: keep them short and on one line.
  return parts.length > 0 ? oneLine(parts.join('/'), { max: 80 }) : `manifest #${index + 1}`
}

function kindOf(doc: Json, contentType: string | undefined): string | undefined {
  const declared = typeof doc.mediaType === 'string' ? doc.mediaType : undefined
  const header = contentType?.split(';')[0]?.trim()
  // OCI allows omitting mediaType; fall back to the header, then to the shape.
  const mediaType = declared ?? (header && header !== 'application/json' ? header : undefined)
  if (mediaType) return mediaType
  if (doc.schemaVersion === 1) return MEDIA_TYPES.dockerSchema1
  if (Array.isArray(doc.manifests)) return MEDIA_TYPES.ociIndex
  if (isObject(doc.config)) return MEDIA_TYPES.ociManifest
  return undefined
}

export function parseManifest(bytes: Uint8Array, contentType?: string): ParseResult {
  let doc: unknown
  try {
    doc = JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch {
    return { error: 'not valid JSON' }
  }
  if (!isObject(doc)) return { error: 'not a JSON object' }
  const mediaType = kindOf(doc, contentType)
  switch (mediaType) {
    case MEDIA_TYPES.dockerList:
    case MEDIA_TYPES.ociIndex: {
      if (!Array.isArray(doc.manifests)) return { error: `${mediaType} without a manifests array` }
      const manifests: Descriptor[] = []
      for (const [i, raw] of (doc.manifests as unknown[]).entries()) {
        const d = descriptor(raw, platformName(raw, i), true)
        if (typeof d === 'string') return { error: d }
        manifests.push(d)
      }
      return { manifest: { kind: 'index', mediaType, manifests } }
    }
    case MEDIA_TYPES.dockerManifest:
    case MEDIA_TYPES.ociManifest: {
      const config = descriptor(doc.config, 'config', true)
      if (typeof config === 'string') return { error: config }
      if (!Array.isArray(doc.layers)) return { error: `${mediaType} without a layers array` }
      const layers: Descriptor[] = []
      for (const [i, raw] of (doc.layers as unknown[]).entries()) {
        const d = descriptor(raw, `layer[${i}]`, true)
        if (typeof d === 'string') return { error: d }
        layers.push(d)
      }
      return { manifest: { kind: 'image', mediaType, config, layers } }
    }
    case MEDIA_TYPES.dockerSchema1:
    case MEDIA_TYPES.dockerSchema1Signed: {
      if (!Array.isArray(doc.fsLayers)) return { error: 'schema 1 manifest without fsLayers' }
      const layers: Descriptor[] = []
      const seen = new Set<string>()
      for (const [i, raw] of (doc.fsLayers as unknown[]).entries()) {
        const digest = isObject(raw) ? raw.blobSum : undefined
        if (!isDigest(digest)) return { error: `fsLayers[${i}] has no valid blobSum` }
        // Schema 1 repeats the empty layer; one check per blob is enough.
        if (!seen.has(digest)) layers.push({ digest, role: `fsLayers[${i}]` })
        seen.add(digest)
      }
      return { manifest: { kind: 'image', mediaType, layers } }
    }
    default:
      return {
        error:
          mediaType === undefined
            ? 'unknown manifest format (no mediaType, no config or manifests)'
            : `unsupported manifest media type ${oneLine(mediaType, { max: 120 })}`
      }
  }
}

/** Config first, then layers: the blobs an image manifest needs. */
export function blobsOf(m: ParsedManifest & { kind: 'image' }): Descriptor[] {
  return m.config ? [m.config, ...m.layers] : [...m.layers]
}

export function shortDigest(digest: string): string {
  const i = digest.indexOf(':')
  return i < 0 ? digest : digest.slice(0, i + 13)
}
