import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Font subsetting with HarfBuzz's subsetter (the wasm build that subset-font uses). We drive it
 * directly because subset-font copies the whole font into wasm memory and re-parses it on every
 * call, and always takes face 0 of a collection: here each font is loaded once per process,
 * preprocessed once (hb_subset_preprocess), and a face of a .ttc can be chosen.
 */
interface HbExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  _initialize(): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, lengthPtr: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_subset_preprocess(face: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
/** Tables a PDF never reads: layout (we place glyphs ourselves) and vertical metrics. */
const DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'MATH', 'vhea', 'vmtx', 'VORG', 'DSIG', 'hdmx', 'LTSH', 'kern'];

function tag(name: string): number {
  return [...name].reduce((acc, ch) => ((acc << 8) | ch.charCodeAt(0)) >>> 0, 0);
}

let compiled: WebAssembly.Module | null = null;

/**
 * A fresh HarfBuzz instance. This build's memory cannot grow past ~65 MB, less than two large CJK
 * fonts together, so each face gets an instance (and so a memory) of its own.
 */
function newHarfbuzz(): HbExports {
  compiled ??= new WebAssembly.Module(fs.readFileSync(createRequire(__filename).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')));
  const hb = new WebAssembly.Instance(compiled, {}).exports as unknown as HbExports;
  hb._initialize();
  return hb;
}

/** A font face held in HarfBuzz's memory for the life of the process. */
export class SubsetFace {
  private readonly face: number;
  private readonly h = newHarfbuzz();

  constructor(bytes: Uint8Array, faceIndex = 0) {
    const h = this.h;
    const ptr = h.malloc(bytes.byteLength);
    new Uint8Array(h.memory.buffer).set(bytes, ptr);
    const blob = h.hb_blob_create(ptr, bytes.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
    const raw = h.hb_face_create(blob, faceIndex);
    h.hb_blob_destroy(blob);
    this.face = h.hb_subset_preprocess(raw);
    h.hb_face_destroy(raw);
  }

  /** A standalone font with just these code points (and what their layout needs). */
  subset(codePoints: Iterable<number>): Uint8Array {
    const h = this.h;
    const input = h.hb_subset_input_create_or_fail();
    if (input === 0) throw new Error('hb_subset_input_create_or_fail failed');
    try {
      // Keep no layout features: certificates set horizontal text, one glyph per character.
      h.hb_set_clear(h.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
      const drop = h.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
      for (const t of DROPPED_TABLES) h.hb_set_add(drop, tag(t));
      const unicodes = h.hb_subset_input_unicode_set(input);
      for (const cp of codePoints) h.hb_set_add(unicodes, cp);
      const subsetFace = h.hb_subset_or_fail(this.face, input);
      if (subsetFace === 0) throw new Error('hb_subset_or_fail failed');
      const blob = h.hb_face_reference_blob(subsetFace);
      const data = h.hb_blob_get_data(blob, 0);
      const length = h.hb_blob_get_length(blob);
      const out = new Uint8Array(h.memory.buffer, data, length).slice();
      h.hb_blob_destroy(blob);
      h.hb_face_destroy(subsetFace);
      if (length === 0) throw new Error('subset produced an empty font');
      return out;
    } finally {
      h.hb_subset_input_destroy(input);
    }
  }
}
