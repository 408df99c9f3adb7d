export declare function mulberry32(seed: number): () => number
export declare function seededBytes(seed: number, size: number): Uint8Array
