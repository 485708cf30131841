import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToMain } from '../../src/data/yield-to-main';
import { getWorldShapes } from '../../src/data/get-world-shapes';
import { getDataset } from '../../src/data/get-dataset';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A `scheduler.yield()` whose yields resume only when the test says so. */
function heldScheduler() {
  const held: (() => void)[] = [];
  const yieldFn = vi.fn(() => new Promise<void>((resume) => held.push(resume)));
  vi.stubGlobal('scheduler', { yield: yieldFn });
  return {
    held: () => held.length,
    resumeAll: () => held.splice(0).forEach((resume) => resume()),
  };
}

/** Whether a promise has settled, without waiting for it. */
function track(promise: Promise<unknown>) {
  const state = { settled: false };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

describe('yieldToMain', () => {
  it('uses scheduler.yield() where the browser has it', async () => {
    const scheduler = heldScheduler();
    const done = track(yieldToMain());
    expect(scheduler.held()).toBe(1);
    await Promise.resolve();
    expect(done.settled).toBe(false);
    scheduler.resumeAll();
    await vi.waitFor(() => expect(done.settled).toBe(true));
  });

  it('falls back to a message to itself: resumes in a later task, not in a microtask', async () => {
    const order: string[] = [];
    const done = yieldToMain().then(() => order.push('resumed'));
    await Promise.resolve();
    await Promise.resolve();
    order.push('microtasks done');
    await done;
    expect(order).toEqual(['microtasks done', 'resumed']);
  });
});

describe('reading a file in steps', () => {
  it('parses the map shapes in one task and checks them in another', async () => {
    const scheduler = heldScheduler();
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response('{"zoom":4,"countries":[],"borders":""}', { status: 200 }))));
    const loading = getWorldShapes('https://example.org/geo/world-shapes.json');
    const done = track(loading);
    // Downloaded and decoded: the parse waits for the next task.
    await vi.waitFor(() => expect(scheduler.held()).toBe(1));
    expect(done.settled).toBe(false);
    scheduler.resumeAll();
    // Parsed: the check (which fails, no countries) waits for the task after.
    await vi.waitFor(() => expect(scheduler.held()).toBe(1));
    expect(done.settled).toBe(false);
    scheduler.resumeAll();
    await expect(loading).rejects.toThrow('the file is not the prepared country shapes');
  });

  it('validates a dataset in a task of its own, after the one that parsed it', async () => {
    const scheduler = heldScheduler();
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response('{"schemaVersion":1}', { status: 200 }))));
    const loading = getDataset('https://example.org/data/other.json');
    const done = track(loading);
    await vi.waitFor(() => expect(scheduler.held()).toBe(1));
    scheduler.resumeAll();
    await vi.waitFor(() => expect(scheduler.held()).toBe(1));
    expect(done.settled).toBe(false);
    scheduler.resumeAll();
    await expect(loading).rejects.toThrow(/does not match the atlas format/);
  });
});
