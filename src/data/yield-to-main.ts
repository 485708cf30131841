/**
 * Ends the current task and resumes in a new one, so the browser can paint
 * and answer input between the steps of reading a file (decode, parse,
 * validate) instead of running them as one long task.
 *
 * Written here because it is one call: `scheduler.yield()` where the browser
 * has it (it resumes ahead of other queued tasks), else a zero-delay timer.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
