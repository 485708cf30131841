/**
 * Export the current view as an image: PNG at 1×, 2× or 4× the on-screen
 * map, or SVG. The dialog only knows how to ask for the drawing: the app
 * passes `renderSvg` (the map's SVG renderer at the current camera) and
 * `renderPng` (its rasteriser), so this feature imports no other. Nothing
 * here touches the network. Loaded on first use.
 */
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLang, useMessages } from '../../components/use-lang';
import { BilingualError, type Lang } from '../../domain/lang';
import { downloadBlob, fileNameFor } from '../../components/download-file';
import { exportMessages } from './export-messages';
import './export-dialog.css';

export type PngScale = 1 | 2 | 4;
export type ExportFormat = { kind: 'png'; scale: PngScale } | { kind: 'svg' };

export interface RenderSvgOptions {
  title: string;
  /** The map's size in CSS px (the on-screen map frame); the renderer adds its title and legend bands. */
  width: number;
  height: number;
}

export interface ExportDialogProps {
  /** The title drawn into the image until the person edits it (the dataset's title). */
  defaultTitle: string;
  /** The on-screen map's size in CSS px: 1× exports at this width. */
  mapWidth: number;
  mapHeight: number;
  /** The whole export frame as an SVG document string (root `width`/`height` in px). */
  renderSvg: (options: RenderSvgOptions) => string;
  /** That SVG rasterised at `scale` × its own size. */
  renderPng: (svg: string, scale: PngScale) => Promise<Blob>;
  onClose: () => void;
}

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

const SCALES: readonly PngScale[] = [1, 2, 4];

/** The pixel size an SVG document states on its root element; null when it states none. */
export function svgPixelSize(svg: string): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  return width > 0 && height > 0 ? { width, height } : null;
}

type Words = (typeof exportMessages)['en'];

function pixels(t: Words, size: { width: number; height: number }, scale: number): string {
  return t.pixels(Math.round(size.width * scale), Math.round(size.height * scale));
}

function messageOf(t: Words, lang: Lang, error: unknown): string {
  const text =
    error instanceof BilingualError && lang === 'zh' ? error.zh : error instanceof Error ? error.message : String(error);
  return text.trim() || t.unknownError;
}

export function ExportDialog({ defaultTitle, mapWidth, mapHeight, renderSvg, renderPng, onClose }: ExportDialogProps) {
  const t = useMessages(exportMessages);
  const lang = useLang();
  const ref = useRef<HTMLDialogElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const titleId = useId();
  const formatName = useId();
  const [title, setTitle] = useState(defaultTitle);
  const [format, setFormat] = useState<ExportFormat>({ kind: 'png', scale: 2 });
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const busy = useRef(false);
  const open = useRef(true);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    open.current = true;
    dialog?.showModal();
    titleRef.current?.focus();
    return () => {
      open.current = false;
      dialog?.close();
      opener?.focus();
    };
  }, []);

  // Typing in the title redraws the preview, but not on every keystroke's critical path.
  const previewTitle = useDeferredValue(title);
  const preview = useMemo(() => {
    try {
      const svg = renderSvg({ title: previewTitle, width: mapWidth, height: mapHeight });
      return { svg, size: svgPixelSize(svg) ?? { width: mapWidth, height: mapHeight }, error: null };
    } catch (error) {
      return { svg: null, size: { width: mapWidth, height: mapHeight }, error: messageOf(t, lang, error) };
    }
  }, [renderSvg, previewTitle, mapWidth, mapHeight, t, lang]);
  const previewUrl = useMemo(
    () => (preview.svg ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(preview.svg)}` : null),
    [preview.svg],
  );

  const download = async () => {
    if (busy.current) return;
    busy.current = true;
    setStatus({ kind: 'busy' });
    const what = format.kind === 'svg' ? 'SVG' : 'PNG';
    try {
      const svg = renderSvg({ title, width: mapWidth, height: mapHeight });
      const size = svgPixelSize(svg) ?? { width: mapWidth, height: mapHeight };
      const nameTitle = title.trim() || defaultTitle;
      let blob: Blob;
      let fileName: string;
      let detail: string;
      if (format.kind === 'svg') {
        blob = new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });
        fileName = fileNameFor(nameTitle, '', 'svg');
        detail = t.svgDetail(pixels(t, size, 1));
      } else {
        blob = await renderPng(svg, format.scale);
        fileName = fileNameFor(nameTitle, `${format.scale}x`, 'png');
        detail = pixels(t, size, format.scale);
      }
      // Closed while the image was being drawn: the person no longer wants it.
      if (!open.current) return;
      downloadBlob(blob, fileName);
      setStatus({ kind: 'done', text: t.downloaded(fileName, detail) });
    } catch (error) {
      if (open.current) {
        setStatus({
          kind: 'error',
          text: t.failed(what, messageOf(t, lang, error), format.kind === 'png' && format.scale > 1),
        });
      }
    } finally {
      busy.current = false;
    }
  };

  const formatValue = format.kind === 'svg' ? 'svg' : `png-${format.scale}`;
  const statusText =
    status.kind === 'busy' ? t.preparing : status.kind === 'done' || status.kind === 'error' ? status.text : '';

  return (
    <dialog
      ref={ref}
      className="export"
      aria-labelledby={headingId}
      onCancel={(event) => {
        // Esc: let React close it, so focus goes back to the opener in one place.
        event.preventDefault();
        onClose();
      }}
      onClose={onClose}
    >
      <div className="export__head">
        <h2 id={headingId}>{t.heading}</h2>
        <button type="button" className="export__close" onClick={onClose} aria-label={t.close}>
          ×
        </button>
      </div>
      <form
        className="export__form"
        onSubmit={(event) => {
          event.preventDefault();
          void download();
        }}
      >
        <div className="export__field">
          <label htmlFor={titleId}>{t.title}</label>
          <input
            id={titleId}
            ref={titleRef}
            type="text"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            autoComplete="off"
            spellCheck
          />
        </div>
        <figure className="export__preview">
          {previewUrl ? (
            <img src={previewUrl} alt={t.previewAlt(previewTitle || t.untitled)} />
          ) : (
            <p className="export__preview-error" role="alert">
              {t.previewError(preview.error ?? '')}
            </p>
          )}
        </figure>
        <fieldset className="export__formats">
          <legend>{t.format}</legend>
          {SCALES.map((scale) => (
            <label key={scale} className="export__format">
              <input
                type="radio"
                name={formatName}
                value={`png-${scale}`}
                checked={formatValue === `png-${scale}`}
                onChange={() => setFormat({ kind: 'png', scale })}
              />
              <span>{t.png(scale, pixels(t, preview.size, scale))}</span>
            </label>
          ))}
          <label className="export__format">
            <input
              type="radio"
              name={formatName}
              value="svg"
              checked={formatValue === 'svg'}
              onChange={() => setFormat({ kind: 'svg' })}
            />
            <span>{t.svg}</span>
          </label>
        </fieldset>
        <p className="export__hint">{t.hint}</p>
        <div className="export__actions">
          <button type="submit" className="export__download" aria-disabled={status.kind === 'busy'}>
            {t.download}
          </button>
          <p
            className={`export__status${status.kind === 'error' ? ' export__status--error' : ''}`}
            role="status"
            aria-live="polite"
          >
            {statusText}
          </p>
        </div>
      </form>
    </dialog>
  );
}

export default ExportDialog;
