import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchText, LoadError, startEarlyRequest } from '../../src/data/fetch-file';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchText', () => {
  it('reads the body as UTF-8 and drops a byte-order mark, as response.text() does', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response('\uFEFF“Congratulations” — 祝贺', { status: 200 }))));
    expect(await fetchText('the dataset', 'https://example.org/a.json')).toBe('“Congratulations” — 祝贺');
  });

  it('takes a request started early for the same address instead of making another', async () => {
    const fetchMock = vi.fn((input: RequestInfo | URL) => Promise.resolve(new Response(`body of ${typeof input === "string" ? input : "?"}`, { status: 200 })));
    vi.stubGlobal('fetch', fetchMock);
    startEarlyRequest('https://example.org/early.json');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await fetchText('the dataset', 'https://example.org/early.json')).toBe('body of https://example.org/early.json');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    // Taken once: asking again (a retry) makes a new request.
    await fetchText('the dataset', 'https://example.org/early.json');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('keeps several early requests, each for its own address (the dataset and the map shapes)', async () => {
    const fetchMock = vi.fn((input: RequestInfo | URL) => Promise.resolve(new Response(`body of ${typeof input === "string" ? input : "?"}`, { status: 200 })));
    vi.stubGlobal('fetch', fetchMock);
    startEarlyRequest('https://example.org/shapes.json');
    startEarlyRequest('https://example.org/data.json');
    // Asked for again before it is taken: still one download.
    startEarlyRequest('https://example.org/shapes.json');
    expect(await fetchText('the dataset', 'https://example.org/data.json')).toBe('body of https://example.org/data.json');
    expect(await fetchText('the map shapes', 'https://example.org/shapes.json')).toBe('body of https://example.org/shapes.json');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('leaves an early request for another address alone', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(new Response('x', { status: 200 })));
    vi.stubGlobal('fetch', fetchMock);
    startEarlyRequest('https://example.org/one.json');
    await fetchText('the dataset', 'https://example.org/two.json');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('reports a failed early request when it is taken, as its own request would be', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    startEarlyRequest('https://example.org/down.json');
    const error = await fetchText('the dataset', 'https://example.org/down.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).message).toMatch(/^Could not load the dataset \(https:\/\/example\.org\/down\.json\): the server at https:\/\/example\.org/);
  });

  it('says the file was not found on a 404 from an early request', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response('nope', { status: 404 }))));
    startEarlyRequest('https://example.org/missing.json');
    await expect(fetchText('the dataset', 'https://example.org/missing.json')).rejects.toThrow('the file was not found (HTTP 404)');
  });

  it('starts reading an early request\'s body as soon as its answer comes, before the app asks for it', async () => {
    const response = new Response('early body', { status: 200 });
    const blob = vi.spyOn(response, 'blob');
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(response)));
    startEarlyRequest('https://example.org/drain.json');
    await vi.waitFor(() => expect(blob).toHaveBeenCalledTimes(1));
    expect(await fetchText('the dataset', 'https://example.org/drain.json')).toBe('early body');
    expect(blob).toHaveBeenCalledTimes(1);
  });

  it('says the download was interrupted when an early request\'s body fails', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(new TypeError('network error'));
      },
    });
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(broken, { status: 200 }))));
    startEarlyRequest('https://example.org/cut.json');
    await expect(fetchText('the dataset', 'https://example.org/cut.json')).rejects.toThrow('the download was interrupted');
  });
});
