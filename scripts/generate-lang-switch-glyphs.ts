/**
 * Writes `src/app/lang-switch-glyphs.json`: the outlines of the language
 * switch's label "中文" (LANG_NAMES.zh), taken from Noto Sans CJK SC Bold.
 *
 *   npm run lang-switch-glyphs      (CJK_FONT=path to use another copy of the font)
 *
 * Why outlines rather than text: the English page has no other Chinese on its
 * first screen, and laying out two Chinese characters makes the browser find
 * and load a CJK font (Noto's collections are about 20 MB): a layout of 20–60 ms
 * measured on this machine's Chromium, in the first view's longest frame. Drawn
 * as a path, the label costs nothing to lay out; the button's accessible name
 * (SWITCH_TO.zh, "切换到中文") stays text.
 *
 * The font is under the SIL Open Font License 1.1, which allows this; see the
 * README's licence section. Run where the font is installed (Debian:
 * fonts-noto-cjk); the output is committed, so builds do not need the font.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as hb from 'harfbuzzjs';
import { LANG_NAMES } from '../src/domain/lang.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const LANG_SWITCH_GLYPHS_PATH = resolve(root, 'src/app/lang-switch-glyphs.json');
const DEFAULT_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc';
const FACE_NAME = 'Noto Sans CJK SC';

export interface LangSwitchGlyphs {
  /** The text the outlines draw: LANG_NAMES.zh when they were made. */
  text: string;
  font: string;
  /** Units per em; the outlines are in these units, y pointing down, baseline at 0. */
  upem: number;
  /** The ideographic em box: from `top` (negative: above the baseline) to `top + upem`. */
  top: number;
  /** Total advance of the text. */
  width: number;
  /** One path for the whole text. */
  d: string;
}

/** An SVG path's numbers moved by (dx, 0) and mirrored vertically (fonts point y up, SVG down), rounded. */
function place(path: string, dx: number): string {
  let axis = 0;
  return path.replace(/[A-Za-z]|-?\d*\.?\d+(?:e-?\d+)?/g, (token) => {
    if (/[A-Za-z]/.test(token)) {
      axis = 0;
      return token;
    }
    const value = Number(token);
    const moved = axis % 2 === 0 ? value + dx : -value;
    axis += 1;
    return String(Math.round(moved));
  });
}

export function buildLangSwitchGlyphs(fontFile: string): LangSwitchGlyphs {
  const blob = new hb.Blob(readFileSync(fontFile));
  // A collection holds the Japanese, Korean, simplified and traditional Chinese faces: take the simplified one.
  let face: hb.Face | null = null;
  for (let index = 0; index < 32 && !face; index++) {
    const candidate = new hb.Face(blob, index);
    if (candidate.getName(1, 'en').startsWith(FACE_NAME)) face = candidate;
    if (candidate.upem === 0) break;
  }
  if (!face) throw new Error(`${fontFile} holds no "${FACE_NAME}" face`);
  const font = new hb.Font(face);
  const buffer = new hb.Buffer();
  buffer.addText(LANG_NAMES.zh);
  buffer.guessSegmentProperties();
  hb.shape(font, buffer);
  const positions = buffer.getGlyphPositions();
  let x = 0;
  const parts: string[] = [];
  buffer.getGlyphInfos().forEach((glyph, index) => {
    parts.push(place(font.glyphToPath(glyph.codepoint), x));
    x += positions[index]!.xAdvance;
  });
  return {
    text: LANG_NAMES.zh,
    font: `${face.getName(4, 'en')} (SIL Open Font License 1.1)`,
    upem: face.upem,
    // CJK fonts put the ideographic em box 12% below the baseline and 88% above it.
    top: -Math.round(face.upem * 0.88),
    width: x,
    d: parts.join(''),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const glyphs = buildLangSwitchGlyphs(process.env.CJK_FONT ?? DEFAULT_FONT);
  writeFileSync(LANG_SWITCH_GLYPHS_PATH, `${JSON.stringify(glyphs, null, 2)}\n`);
  console.log(`wrote ${LANG_SWITCH_GLYPHS_PATH} (${glyphs.font}, ${glyphs.d.length} characters of path)`);
}
