/**
 * A minimal, valid TrueType font built by hand for tests: glyph 0 is an empty .notdef, glyph 1 a
 * filled square (one em wide, sitting like a CJK ideograph), and every code point asked for maps
 * to the square. Supplementary code points go in a format 12 cmap subtable (3,10); BMP ones also
 * in a format 4 subtable (3,1). Tables: OS/2 cmap glyf head hhea hmtx loca maxp name post.
 *
 * It stands in for the "province's Ext I font" an administrator adds, without shipping one.
 */

const UPEM = 1000;
/** The square: x 80…920, y −80…840 font units (an ideograph's usual ink box). */
export const SQUARE = { xMin: 80, yMin: -80, xMax: 920, yMax: 840 };

class Writer {
  private bytes: number[] = [];
  u8(v: number): this {
    this.bytes.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v >>> 8).u8(v);
  }
  i16(v: number): this {
    return this.u16(v < 0 ? v + 0x10000 : v);
  }
  u32(v: number): this {
    return this.u16(Math.floor(v / 0x10000) & 0xffff).u16(v & 0xffff);
  }
  tag(t: string): this {
    if (t.length !== 4) throw new Error(`bad tag ${t}`);
    for (const c of t) this.u8(c.charCodeAt(0));
    return this;
  }
  raw(b: Uint8Array | number[]): this {
    for (const v of b) this.u8(v);
    return this;
  }
  zeros(n: number): this {
    for (let i = 0; i < n; i++) this.u8(0);
    return this;
  }
  get length(): number {
    return this.bytes.length;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function checksum(b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < b.length; i += 4) {
    const word = ((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}

function utf16be(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) >>> 8, s.charCodeAt(i) & 0xff);
  return out;
}

function head(indexToLocFormat: number): Uint8Array {
  return new Writer()
    .u32(0x00010000) // version
    .u32(0x00010000) // fontRevision
    .u32(0) // checkSumAdjustment: filled in at the end
    .u32(0x5f0f3cf5) // magicNumber
    .u16(0b1011) // flags: baseline y=0, lsb at x=0, integer ppem
    .u16(UPEM)
    .u32(0)
    .u32(0xe0000000) // created (LONGDATETIME, 2023)
    .u32(0)
    .u32(0xe0000000) // modified
    .i16(SQUARE.xMin)
    .i16(SQUARE.yMin)
    .i16(SQUARE.xMax)
    .i16(SQUARE.yMax)
    .u16(0) // macStyle
    .u16(8) // lowestRecPPEM
    .i16(2) // fontDirectionHint
    .i16(indexToLocFormat)
    .i16(0) // glyphDataFormat
    .done();
}

function hhea(numberOfHMetrics: number): Uint8Array {
  return new Writer()
    .u32(0x00010000)
    .i16(880) // ascender
    .i16(-120) // descender
    .i16(0) // lineGap
    .u16(UPEM) // advanceWidthMax
    .i16(0) // minLeftSideBearing
    .i16(UPEM - SQUARE.xMax) // minRightSideBearing
    .i16(SQUARE.xMax) // xMaxExtent
    .i16(1) // caretSlopeRise
    .i16(0) // caretSlopeRun
    .i16(0) // caretOffset
    .zeros(8) // reserved
    .i16(0) // metricDataFormat
    .u16(numberOfHMetrics)
    .done();
}

function maxp(numGlyphs: number): Uint8Array {
  return new Writer()
    .u32(0x00010000)
    .u16(numGlyphs)
    .u16(4) // maxPoints
    .u16(1) // maxContours
    .u16(0) // maxCompositePoints
    .u16(0) // maxCompositeContours
    .u16(2) // maxZones
    .u16(0) // maxTwilightPoints
    .u16(0) // maxStorage
    .u16(0) // maxFunctionDefs
    .u16(0) // maxInstructionDefs
    .u16(0) // maxStackElements
    .u16(0) // maxSizeOfInstructions
    .u16(0) // maxComponentElements
    .u16(0) // maxComponentDepth
    .done();
}

function os2(firstChar: number, lastChar: number): Uint8Array {
  const w = new Writer()
    .u16(4) // version
    .i16(UPEM) // xAvgCharWidth
    .u16(400) // usWeightClass
    .u16(5) // usWidthClass
    .u16(0) // fsType: installable embedding
    .i16(650) // ySubscriptXSize
    .i16(600) // ySubscriptYSize
    .i16(0) // ySubscriptXOffset
    .i16(75) // ySubscriptYOffset
    .i16(650) // ySuperscriptXSize
    .i16(600) // ySuperscriptYSize
    .i16(0) // ySuperscriptXOffset
    .i16(350) // ySuperscriptYOffset
    .i16(50) // yStrikeoutSize
    .i16(300) // yStrikeoutPosition
    .i16(0) // sFamilyClass
    .zeros(10) // panose
    .u32(0) // ulUnicodeRange1
    .u32(1 << 25) // ulUnicodeRange2: bit 57 (non-plane 0)
    .u32(0) // ulUnicodeRange3
    .u32(0) // ulUnicodeRange4
    .tag('CIVR') // achVendID
    .u16(0x40) // fsSelection: REGULAR
    .u16(Math.min(firstChar, 0xffff)) // usFirstCharIndex
    .u16(Math.min(lastChar, 0xffff)) // usLastCharIndex
    .i16(880) // sTypoAscender
    .i16(-120) // sTypoDescender
    .i16(0) // sTypoLineGap
    .u16(880) // usWinAscent
    .u16(120) // usWinDescent
    .u32(1 << 18) // ulCodePageRange1: bit 18 (GB 2312)
    .u32(0) // ulCodePageRange2
    .i16(500) // sxHeight
    .i16(700) // sCapHeight
    .u16(0) // usDefaultChar
    .u16(0x20) // usBreakChar
    .u16(1) // usMaxContext
    .done();
  if (w.length !== 96) throw new Error(`OS/2 v4 must be 96 bytes, built ${w.length}`);
  return w;
}

function hmtx(): Uint8Array {
  return new Writer()
    .u16(UPEM)
    .i16(0) // .notdef
    .u16(UPEM)
    .i16(SQUARE.xMin) // square
    .done();
}

/** cmap with (3,1) format 4 for BMP code points and (3,10) format 12 for all, every one → glyph 1. */
function cmap(codePoints: number[]): Uint8Array {
  const cps = [...new Set(codePoints)].sort((a, b) => a - b);
  const bmp = cps.filter((c) => c < 0xffff);

  // Format 4: one segment per BMP code point, then the required 0xFFFF segment.
  const segs = [...bmp.map((c) => ({ start: c, end: c, delta: (1 - c + 0x10000) % 0x10000 })), { start: 0xffff, end: 0xffff, delta: 1 }];
  const segCount = segs.length;
  const searchRange = 2 * 2 ** Math.floor(Math.log2(segCount));
  const f4 = new Writer()
    .u16(4)
    .u16(16 + 8 * segCount) // length
    .u16(0) // language
    .u16(segCount * 2)
    .u16(searchRange)
    .u16(Math.log2(searchRange / 2))
    .u16(segCount * 2 - searchRange);
  for (const s of segs) f4.u16(s.end);
  f4.u16(0); // reservedPad
  for (const s of segs) f4.u16(s.start);
  for (const s of segs) f4.u16(s.delta);
  for (let i = 0; i < segCount; i++) f4.u16(0); // idRangeOffset
  const format4 = f4.done();

  // Format 12: one group per code point.
  const f12 = new Writer()
    .u16(12)
    .u16(0)
    .u32(16 + 12 * cps.length)
    .u32(0) // language
    .u32(cps.length);
  for (const c of cps) f12.u32(c).u32(c).u32(1);
  const format12 = f12.done();

  const headerLen = 4 + 8 * 2;
  return new Writer()
    .u16(0) // version
    .u16(2) // numTables
    .u16(3)
    .u16(1)
    .u32(headerLen)
    .u16(3)
    .u16(10)
    .u32(headerLen + format4.length)
    .raw(format4)
    .raw(format12)
    .done();
}

/** glyf (glyph 0 empty, glyph 1 the square) and its long-format loca. */
function glyfAndLoca(): { glyf: Uint8Array; loca: Uint8Array } {
  const { xMin, yMin, xMax, yMax } = SQUARE;
  // One clockwise contour, four on-curve points, coordinates as int16 deltas (no short flags).
  const square = new Writer()
    .i16(1) // numberOfContours
    .i16(xMin)
    .i16(yMin)
    .i16(xMax)
    .i16(yMax)
    .u16(3) // endPtsOfContours[0]
    .u16(0) // instructionLength
    .raw([1, 1, 1, 1]) // flags: ON_CURVE_POINT
    // (xMin,yMin) → (xMin,yMax) → (xMax,yMax) → (xMax,yMin)
    .i16(xMin)
    .i16(0)
    .i16(xMax - xMin)
    .i16(0)
    .i16(yMin)
    .i16(yMax - yMin)
    .i16(0)
    .i16(yMin - yMax);
  while (square.length % 4) square.u8(0);
  const glyf = square.done();
  const loca = new Writer().u32(0).u32(0).u32(glyf.length).done();
  return { glyf, loca };
}

function name(family: string, postscript: string): Uint8Array {
  const entries: Array<[number, string]> = [
    [1, family],
    [2, 'Regular'],
    [3, `${postscript};1.000`],
    [4, `${family} Regular`],
    [5, 'Version 1.000'],
    [6, postscript],
  ];
  const strings = entries.map(([, s]) => utf16be(s));
  const w = new Writer()
    .u16(0) // format
    .u16(entries.length)
    .u16(6 + 12 * entries.length); // stringOffset
  let offset = 0;
  entries.forEach(([id], i) => {
    w.u16(3).u16(1).u16(0x0409).u16(id).u16(strings[i].length).u16(offset);
    offset += strings[i].length;
  });
  for (const s of strings) w.raw(s);
  return w.done();
}

function post(): Uint8Array {
  return new Writer()
    .u32(0x00030000) // version 3: no glyph names
    .u32(0) // italicAngle
    .i16(-100) // underlinePosition
    .i16(50) // underlineThickness
    .u32(0) // isFixedPitch
    .u32(0)
    .u32(0)
    .u32(0)
    .u32(0)
    .done();
}

/** A TrueType font whose every code point in `codePoints` draws the filled square. */
export function buildSquareFont(codePoints: number[], opts: { family?: string; postscriptName?: string } = {}): Uint8Array {
  if (codePoints.length === 0) throw new Error('a font needs at least one code point');
  const family = opts.family ?? 'CivReg Test Square';
  const ps = opts.postscriptName ?? 'CivRegTestSquare-Regular';
  const { glyf, loca } = glyfAndLoca();
  const tables: Record<string, Uint8Array> = {
    'OS/2': os2(Math.min(...codePoints), Math.max(...codePoints)),
    cmap: cmap(codePoints),
    glyf,
    head: head(1),
    hhea: hhea(2),
    hmtx: hmtx(),
    loca,
    maxp: maxp(2),
    name: name(family, ps),
    post: post(),
  };
  const tags = Object.keys(tables).sort();
  const n = tags.length;
  const searchRange = 16 * 2 ** Math.floor(Math.log2(n));
  const out = new Writer()
    .u32(0x00010000) // sfntVersion: TrueType outlines
    .u16(n)
    .u16(searchRange)
    .u16(Math.floor(Math.log2(n)))
    .u16(n * 16 - searchRange);
  let offset = 12 + 16 * n;
  const placed: Array<{ tag: string; offset: number }> = [];
  for (const tag of tags) {
    const t = tables[tag];
    out.tag(tag).u32(checksum(t)).u32(offset).u32(t.length);
    placed.push({ tag, offset });
    offset += Math.ceil(t.length / 4) * 4;
  }
  for (const tag of tags) {
    const t = tables[tag];
    out.raw(t).zeros(Math.ceil(t.length / 4) * 4 - t.length);
  }
  const font = out.done();
  // head.checkSumAdjustment = 0xB1B0AFBA − checksum of the whole font (with the field at 0).
  const headAt = placed.find((p) => p.tag === 'head')!.offset;
  const adjustment = (0xb1b0afba - checksum(font) + 0x100000000) % 0x100000000;
  new DataView(font.buffer, font.byteOffset, font.byteLength).setUint32(headAt + 8, adjustment);
  return font;
}
