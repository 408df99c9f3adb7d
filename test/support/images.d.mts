/** A gzip'd layer of one file holding `size` seeded random bytes (same seed+size → same digest). */
export interface LayerSpec {
  seed: number
  size: number
}

export interface PlatformSpec {
  architecture: string
  os?: string
  layers: LayerSpec[]
}

/** A single-platform image (`layers`) or a multi-arch OCI index (`platforms`). */
export interface ImageSpec {
  repo: string
  tag: string
  layers?: LayerSpec[]
  platforms?: PlatformSpec[]
  /** Media types: `oci` (default) or Docker schema 2 (`docker`), which oc ≤ 4.13 needs for lists. */
  format?: 'oci' | 'docker'
}

export interface BuiltManifest {
  digest: string
  platform: { architecture: string; os: string }
  configDigest: string
  layerDigests: string[]
}

export interface BuiltImage {
  repo: string
  tag: string
  /** Ref name inside the OCI layout. */
  refName: string
  kind: 'image' | 'index'
  /** Digest of the top-level manifest (the index for multi-arch images). */
  digest: string
  mediaType: string
  /** The platform manifests (one for a single image). */
  manifests: BuiltManifest[]
  /** Config and layer blobs of every platform, deduplicated. */
  blobs: string[]
  /** Sum of the sizes of `blobs`. */
  blobBytes: number
}

export interface BuiltImages {
  layoutDir: string
  images: BuiltImage[]
  /** Size of every blob in the layout, manifests included. */
  blobSizes: Map<string, number>
  /** Bytes of the distinct config and layer blobs of all images (shared layers once). */
  uniqueBlobBytes: number
}

export declare function tarArchive(files: { name: string; data: Uint8Array }[]): Buffer
export declare function buildLayer(spec: LayerSpec): {
  blob: Buffer
  digest: string
  diffId: string
}
export declare function buildImages(specs: ImageSpec[], dir?: string): Promise<BuiltImages>
export declare function pushImages(
  built: BuiltImages,
  host: string,
  opts?: { skopeo?: string }
): Promise<void>
