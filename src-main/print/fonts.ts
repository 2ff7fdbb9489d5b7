import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { AppError } from '../contract';
import { resourcesDir } from '../core/paths';
import { SubsetFace } from './harfbuzz';

export interface FontSource {
  id: string;
  name: string;
  file: string;
  faceIndex: number;
  /** Shipped with the app (as opposed to added by the administrator). */
  shipped?: boolean;
}

interface FontkitFont {
  hasGlyphForCodePoint(cp: number): boolean;
  characterSet: number[];
  postscriptName: string;
}

/** Why a font file cannot be used, in Chinese, and which input it concerns. */
export class FontProblem extends Error {
  constructor(
    message: string,
    readonly field: 'fileBase64' | 'faceIndex' = 'fileBase64',
  ) {
    super(message);
  }
}

/** One font of the chain, read and parsed once: coverage from fontkit, subsetting by HarfBuzz. */
export class LoadedFont {
  readonly face: SubsetFace;
  private readonly coverage: FontkitFont;

  constructor(
    readonly source: FontSource,
    bytes: Uint8Array,
  ) {
    let parsed: FontkitFont & { fonts?: FontkitFont[] };
    try {
      parsed = fontkit.create(bytes as Buffer) as unknown as typeof parsed;
    } catch {
      throw new FontProblem('无法识别的字体格式（应为 TrueType / OpenType / TTC）');
    }
    const font = parsed.fonts ? parsed.fonts[source.faceIndex] : parsed;
    if (!font) throw new FontProblem(`文件中没有第 ${source.faceIndex} 号字体`, 'faceIndex');
    this.coverage = font;
    // fontkit and HarfBuzz read lazily: make them read the cmap and subset now, so a truncated
    // file is refused when it is loaded rather than in the middle of a print.
    try {
      this.face = new SubsetFace(bytes, source.faceIndex);
      const sample = font.characterSet.slice(0, 8);
      if (sample.length === 0) throw new Error('empty');
      this.face.subset(sample);
    } catch {
      throw new FontProblem('字体文件不完整或已损坏（无法读取字符表或字形）');
    }
  }

  has(cp: number): boolean {
    // Private-use code points (自造字) mean whatever the font that made them meant: a shipped font's
    // own PUA glyphs would be a silently wrong character, so only an added font may draw them.
    if (this.source.shipped && isPrivateUse(cp)) return false;
    return this.coverage.hasGlyphForCodePoint(cp);
  }
}

/** Load a font file, or say in Chinese why it cannot be used. */
export function loadFont(source: FontSource): LoadedFont {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(source.file);
  } catch {
    throw new AppError('NOT_FOUND', `字体文件“${source.name}”不存在或无法读取：${source.file}`);
  }
  try {
    return new LoadedFont(source, bytes);
  } catch (err) {
    const problem = err instanceof FontProblem ? err.message : '无法读取';
    throw new AppError('VALIDATION', `字体文件“${source.name}”不能使用：${problem}`, { font: problem });
  }
}

export function shippedFontSources(): FontSource[] {
  const dir = path.join(resourcesDir(), 'fonts');
  const catalog = JSON.parse(fs.readFileSync(path.join(dir, 'fonts.json'), 'utf8')) as { fonts: FontSource[] };
  return catalog.fonts.map((f) => ({ ...f, file: path.join(dir, f.file), shipped: true }));
}

export function isPrivateUse(cp: number): boolean {
  return (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000;
}

export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Characters a certificate never needs a glyph for. */
function isLayoutOnly(cp: number): boolean {
  return cp === 0x20 || cp === 0x0a || cp === 0x0d || cp === 0x09 || cp === 0x3000;
}

/**
 * The fallback chain: each character goes to the first font that has it. A character no font has
 * stops the print, named with its code point — never a box, never a blank.
 */
export class FontChain {
  constructor(readonly fonts: LoadedFont[]) {}

  fontIndexFor(cp: number): number {
    for (let i = 0; i < this.fonts.length; i++) if (this.fonts[i].has(cp)) return i;
    return -1;
  }

  /** Throw naming every character (and where it was) that no font can draw. */
  assertCovered(texts: Array<{ label: string; text: string }>): void {
    const missing: string[] = [];
    const fieldErrors: Record<string, string> = {};
    for (const { label, text } of texts) {
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        if (isLayoutOnly(cp) || this.fontIndexFor(cp) >= 0) continue;
        const pua = isPrivateUse(cp) ? '（私用区自造字）' : '';
        const what = `“${ch}”（${codePointLabel(cp)}${pua}）`;
        if (!missing.includes(what)) missing.push(what);
        fieldErrors[label] ??= `${label}中的字符${what}没有可用字体`;
      }
    }
    if (missing.length) {
      throw new AppError(
        'VALIDATION',
        `无法打印：字符 ${missing.join('、')} 不在任何已安装的字体中。请由管理员在“字体”设置中添加包含该字的字体（例如省级平台提供的扩展 I 区字体）。`,
        fieldErrors,
      );
    }
  }
}
