// @vitest-environment node
/**
 * View state in the URL: every combination of parameters round-trips; only
 * non-defaults are written, in a fixed order; hostile or malformed links never
 * throw, each yields a notice, and nothing long is echoed back unclipped.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  parseViewState as parseBilingual,
  resolveAgainstDataset as resolveBilingual,
  roundCamera,
  serializeViewState,
  type Camera,
  type Scheme,
  type ViewState,
} from '../../src/domain/url-state';
import type { Bilingual, Lang } from '../../src/domain/lang';

const CJK = /[\u4e00-\u9fff]/;
// The assertions below read the English notices; every notice also checks its Chinese twin.
function english(notices: Bilingual[]): string[] {
  for (const notice of notices) {
    expect(notice.zh, `Chinese for: ${notice.en}`).toMatch(CJK);
    expect(notice.zh.length).toBeLessThan(200);
  }
  return notices.map((n) => n.en);
}
function parseViewState(search: string) {
  const parsed = parseBilingual(search);
  return { view: parsed.view, notices: english(parsed.notices) };
}
function resolveAgainstDataset(...args: Parameters<typeof resolveBilingual>) {
  const resolved = resolveBilingual(...args);
  return { view: resolved.view, notices: english(resolved.notices) };
}

function* allViews(): Generator<ViewState> {
  const senders = [null, 'vnm-ministry-of-public-security', 'un-police-division'];
  const themeSets = [[], ['drug_control'], ['public_security', 'drug_control', 'listed'], ['goodwill']];
  const cameras: (Camera | null)[] = [null, { lng: 105.123, lat: 21.5, zoom: 3.25 }, { lng: -73.968, lat: -40.7, zoom: 0 }];
  const schemes: (Scheme | null)[] = [null, 'light', 'dark'];
  const langs: (Lang | null)[] = [null, 'en', 'zh'];
  const datas = [null, 'https://example.org/data/other atlas.json?x=1&y=2', 'my-data.json'];
  const presentations: Pick<ViewState, 'mode' | 'tour' | 'slide'>[] = [
    { mode: 'explore', tour: 'senders', slide: null },
    { mode: 'present', tour: 'senders', slide: null },
    { mode: 'present', tour: 'themes', slide: null },
    { mode: 'present', tour: 'senders', slide: 1 },
    { mode: 'present', tour: 'themes', slide: 12 },
  ];
  for (const sender of senders)
    for (const themes of themeSets)
      for (const camera of cameras)
        for (const scheme of schemes)
          for (const embed of [false, true])
            for (const presentation of presentations)
              for (const lang of langs)
                for (const data of datas)
                  for (const list of [false, true]) yield { sender, themes, camera, scheme, embed, ...presentation, lang, data, list };
}

describe('round trip', () => {
  it('parses back every combination of parameters to the same view, without notices', () => {
    let n = 0;
    for (const view of allViews()) {
      const search = serializeViewState(view);
      const parsed = parseViewState(search);
      if (parsed.notices.length > 0 || JSON.stringify(parsed.view) !== JSON.stringify(view)) {
        expect({ search, ...parsed }).toEqual({ search, view, notices: [] });
      }
      // Writing again gives the same link: one view, one link.
      expect(serializeViewState(parsed.view)).toBe(search);
      n++;
    }
    expect(n).toBe(3 * 4 * 3 * 3 * 2 * 5 * 3 * 3 * 2);
  });

  it('writes nothing for the default view', () => {
    expect(serializeViewState(DEFAULT_VIEW)).toBe('');
    expect(parseViewState('')).toEqual({ view: DEFAULT_VIEW, notices: [] });
    expect(parseViewState('?')).toEqual({ view: DEFAULT_VIEW, notices: [] });
  });

  it('writes only non-defaults, in a fixed order, with readable commas', () => {
    const view: ViewState = {
      ...DEFAULT_VIEW,
      embed: true,
      scheme: 'dark',
      camera: { lng: 105.12345, lat: -21.98765, zoom: 3.14159 },
      themes: ['drug_control', 'listed'],
      sender: 'vnm-ministry-of-public-security',
      slide: 3,
      tour: 'themes',
      mode: 'present',
      lang: 'zh',
      data: 'other.json',
      list: true,
    };
    expect(serializeViewState(view)).toBe(
      '?data=other.json&lang=zh&mode=present&tour=themes&slide=3&view=list&sender=vnm-ministry-of-public-security' +
        '&themes=drug_control,listed&camera=105.123,-21.988,3.14&scheme=dark&embed=1',
    );
    expect(serializeViewState({ ...DEFAULT_VIEW, themes: ['drug_control'] })).toBe('?themes=drug_control');
  });

  it('leaves tour and slide out in explore mode', () => {
    expect(serializeViewState({ ...DEFAULT_VIEW, tour: 'themes', slide: 4 })).toBe('');
  });

  it('keeps the order of the themes given and drops repeats', () => {
    expect(parseViewState('?themes=listed,drug_control,listed').view.themes).toEqual(['listed', 'drug_control']);
  });

  it('accepts the spellings of embed', () => {
    for (const on of ['1', 'true', '']) expect(parseViewState(`?embed=${on}`).view.embed, on).toBe(true);
    for (const off of ['0', 'false']) {
      expect(parseViewState(`?embed=${off}`)).toEqual({ view: DEFAULT_VIEW, notices: [] });
    }
  });
});

describe('roundCamera', () => {
  it('keeps three decimals of position and two of zoom', () => {
    expect(roundCamera({ lng: 105.12345, lat: 21.98765, zoom: 3.14159 })).toEqual({ lng: 105.123, lat: 21.988, zoom: 3.14 });
    expect(roundCamera({ lng: -179.9996, lat: 0.0004, zoom: 21.999 })).toEqual({ lng: -180, lat: 0, zoom: 22 });
  });

  it('rounds a parsed camera', () => {
    expect(parseViewState('?camera=10.11111,20.22222,3.33333').view.camera).toEqual({ lng: 10.111, lat: 20.222, zoom: 3.33 });
  });
});

describe('hostile and malformed links', () => {
  const LONG = 'x'.repeat(10_000);

  /** Parses without throwing; every notice is short and none contains a long run of the input. */
  function parseSafely(search: string) {
    let parsed: ReturnType<typeof parseViewState> | undefined;
    expect(() => {
      parsed = parseViewState(search);
    }).not.toThrow();
    for (const notice of parsed!.notices) {
      expect(notice.length).toBeLessThan(200);
      expect(notice).not.toContain('x'.repeat(41));
    }
    return parsed!;
  }

  it('ignores a script as sender, with a notice', () => {
    const { view, notices } = parseSafely(`?sender=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(view).toEqual(DEFAULT_VIEW);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^Ignored sender/);
    // Also when not percent-encoded.
    const plain = parseSafely('?sender=<script>alert(1)</script>');
    expect(plain.view.sender).toBeNull();
    expect(plain.notices).toHaveLength(1);
  });

  it('ignores a 10,000-character value of any parameter, with a notice that does not repeat it', () => {
    for (const key of ['sender', 'themes', 'camera', 'scheme', 'embed', 'mode', 'tour', 'slide', 'lang', 'data']) {
      const { view, notices } = parseSafely(`?${key}=${LONG}`);
      expect(view, key).toEqual(DEFAULT_VIEW);
      expect(notices, key).toHaveLength(1);
      expect(notices[0]).toContain('too long');
      expect(notices[0]).toContain('10000');
    }
  });

  it('clips a 10,000-character unknown key, and a long malformed value', () => {
    const unknown = parseSafely(`?${LONG}=1`);
    expect(unknown.notices).toHaveLength(1);
    expect(unknown.notices[0]).toMatch(/unknown link parameter/);
    const long = 'y'.repeat(250);
    const sender = parseSafely(`?sender=${long.toUpperCase()}`);
    expect(sender.notices).toHaveLength(1);
    expect(sender.notices[0]).not.toContain('Y'.repeat(41));
    expect(sender.notices[0]).toContain('…');
  });

  it('uses the first of repeated keys, with a notice', () => {
    const { view, notices } = parseSafely('?sender=srb-ministry-of-interior&sender=vnm-ministry-of-public-security');
    expect(view.sender).toBe('srb-ministry-of-interior');
    expect(notices).toEqual(['The link gives "sender" more than once; the first value was used.']);
    const themes = parseSafely('?themes=drug_control&themes=listed&themes=goodwill');
    expect(themes.view.themes).toEqual(['drug_control']);
    expect(themes.notices).toHaveLength(1);
  });

  it('ignores unknown keys, one notice each, and keeps the known ones', () => {
    const { view, notices } = parseSafely('?foo=1&sender=srb-ministry-of-interior&bar=&__proto__=x');
    expect(view.sender).toBe('srb-ministry-of-interior');
    expect(notices).toHaveLength(3);
    expect(notices.join('\n')).toContain('"foo"');
    expect(notices.join('\n')).toContain('"bar"');
    expect(notices.join('\n')).toContain('"__proto__"');
  });

  it('ignores a malformed camera, with a notice', () => {
    const bad = ['1,2', '1,2,3,4', 'a,b,c', ',,', '181,0,1', '0,86,1', '0,-86,1', '0,0,-1', '0,0,23', 'Infinity,0,1', 'NaN,0,1', '0x10,0', ''];
    for (const camera of bad) {
      const { view, notices } = parseSafely(`?camera=${encodeURIComponent(camera)}`);
      expect(view.camera, camera).toBeNull();
      expect(notices, camera).toHaveLength(1);
      expect(notices[0]).toMatch(/^Ignored camera/);
    }
  });

  it('ignores malformed themes one by one and keeps the good ones', () => {
    const { view, notices } = parseSafely(`?themes=${encodeURIComponent('drug_control,<b>,Drug,,listed')}`);
    expect(view.themes).toEqual(['drug_control', 'listed']);
    expect(notices).toHaveLength(3);
  });

  it('ignores bad enumerations and numbers, one notice each', () => {
    const cases: [string, keyof ViewState][] = [
      ['?scheme=blue', 'scheme'],
      ['?mode=slideshow', 'mode'],
      ['?tour=places', 'tour'],
      ['?slide=0', 'slide'],
      ['?slide=3.5', 'slide'],
      ['?slide=-1', 'slide'],
      ['?slide=99999', 'slide'],
      ['?lang=fr', 'lang'],
      ['?embed=yes', 'embed'],
      ['?view=table', 'list'],
    ];
    for (const [search, key] of cases) {
      const { view, notices } = parseSafely(search);
      expect(view[key], search).toEqual(DEFAULT_VIEW[key]);
      expect(notices, search).toHaveLength(1);
    }
  });

  it('reads view=list and view=map (the default, never written)', () => {
    expect(parseViewState('?view=list')).toEqual({ view: { ...DEFAULT_VIEW, list: true }, notices: [] });
    expect(parseViewState('?view=map')).toEqual({ view: DEFAULT_VIEW, notices: [] });
    expect(serializeViewState({ ...DEFAULT_VIEW, list: true })).toBe('?view=list');
  });

  it('survives malformed percent-encoding and odd separators', () => {
    for (const search of ['?sender=%E0%A4%A', '?%', '?&&&=', '?=x', '?themes=%2C%2C', '?camera=1%2C2%2C3']) {
      expect(() => parseViewState(search), search).not.toThrow();
    }
    expect(parseViewState('?camera=1%2C2%2C3').view.camera).toEqual({ lng: 1, lat: 2, zoom: 3 });
  });
});

describe('resolveAgainstDataset', () => {
  const senders = new Set(['vnm-ministry-of-public-security', 'gbr-national-crime-agency']);
  const legendIds = ['counter_terrorism', 'drug_control', 'goodwill', 'listed'];

  it('keeps what the dataset knows', () => {
    const view = { ...DEFAULT_VIEW, sender: 'gbr-national-crime-agency', themes: ['listed', 'drug_control'] };
    expect(resolveAgainstDataset(view, senders, legendIds)).toEqual({ view, notices: [] });
  });

  it('drops an unknown sender and unknown themes, one notice each', () => {
    const view = { ...DEFAULT_VIEW, sender: 'atlantis-police', themes: ['drug_control', 'piracy', 'smuggling'], scheme: 'dark' as const };
    const { view: out, notices } = resolveAgainstDataset(view, senders, legendIds);
    expect(out).toEqual({ ...view, sender: null, themes: ['drug_control'] });
    expect(notices).toHaveLength(3);
    expect(notices[0]).toContain('"atlantis-police"');
    expect(notices[1]).toContain('"piracy"');
    expect(notices[2]).toContain('"smuggling"');
  });

  it('clips a long unknown sender id in its notice', () => {
    const id = `a${'-b'.repeat(140)}`;
    const parsed = parseViewState(`?sender=${id}`);
    expect(parsed.view.sender).toBe(id);
    const { notices } = resolveAgainstDataset(parsed.view, senders, legendIds);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.length).toBeLessThan(120);
    expect(notices[0]).not.toContain(id);
  });
});
