// What a raw registry manifest (`skopeo inspect --raw`) names: an image's config and layer
// descriptors, or a list's child manifests with their platforms. Schema 2 and OCI only;
// anything else (schema 1, unknown media type, a malformed digest, not JSON) → undefined.

export interface Platform {
  readonly os: string
  readonly architecture: string
  readonly variant?: string
}

export interface Descriptor {
  readonly digest: string
  /** Bytes, when the manifest gives a usable size. */
  readonly size?: number
  /** List children only. */
  readonly platform?: Platform
}

export type ParsedManifest =
  | { readonly kind: 'image'; readonly config: Descriptor; readonly layers: readonly Descriptor[] }
  | { readonly kind: 'list'; readonly children: readonly Descriptor[] }

const IMAGE_TYPES = new Set([
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json'
])
const LIST_TYPES = new Set([
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json'
])
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/

export function parseManifest(text: string): ParsedManifest | undefined {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isObject(doc) || doc.schemaVersion !== 2) return undefined
  const mediaType = doc.mediaType
  if (mediaType !== undefined && typeof mediaType !== 'string') return undefined
  // OCI lets mediaType be absent; then the shape tells an index from a manifest.
  const isList = mediaType === undefined ? Array.isArray(doc.manifests) : LIST_TYPES.has(mediaType)
  const isImage =
    mediaType === undefined
      ? isObject(doc.config) && Array.isArray(doc.layers)
      : IMAGE_TYPES.has(mediaType)
  if (isList) {
    const children = descriptors(doc.manifests)
    return children === undefined ? undefined : { kind: 'list', children }
  }
  if (!isImage) return undefined
  const config = descriptor(doc.config)
  const layers = descriptors(doc.layers)
  if (config === undefined || layers === undefined) return undefined
  return { kind: 'image', config, layers }
}

function descriptors(list: unknown): Descriptor[] | undefined {
  if (!Array.isArray(list)) return undefined
  const out: Descriptor[] = []
  for (const item of list) {
    const d = descriptor(item)
    if (d === undefined) return undefined
    out.push(d)
  }
  return out
}

function descriptor(item: unknown): Descriptor | undefined {
  if (!isObject(item) || typeof item.digest !== 'string' || !DIGEST.test(item.digest)) {
    return undefined
  }
  const size = item.size
  const platform = platformOf(item.platform)
  return {
    digest: item.digest,
    ...(typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? { size } : {}),
    ...(platform !== undefined ? { platform } : {})
  }
}

function platformOf(p: unknown): Platform | undefined {
  if (!isObject(p) || typeof p.os !== 'string' || typeof p.architecture !== 'string') {
    return undefined
  }
  return {
    os: p.os,
    architecture: p.architecture,
    ...(typeof p.variant === 'string' && p.variant !== '' ? { variant: p.variant } : {})
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
