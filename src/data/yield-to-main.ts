/**
 * Ends the current task and resumes in a new one, so the browser can paint
 * and answer input between the steps of reading a file (decode, parse,
 * validate) instead of running them as one long task.
 *
 * Written here because it is one call: `scheduler.yield()` where the browser
 * has it (it resumes ahead of other queued tasks), else a message to itself,
 * which, unlike a zero-delay timer, is neither clamped to 4 ms nor held back
 * for a second in a tab loading in the background.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
