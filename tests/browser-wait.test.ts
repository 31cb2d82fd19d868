// Bounded waits on the browser: a wait that runs out says what was awaited and what to try, in zine's words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bounded, BrowserWaitError, browserWaits } from '../scripts/print/browser-wait.ts';

test('a wait that runs out rejects with what was awaited, how long, and what to try', async () => {
  // The bound's timer does not hold the process open (a browser's pipe does): this test holds it instead.
  const keepAlive = setTimeout(() => undefined, 5000);
  const never = new Promise<never>(() => undefined);
  const started = performance.now();
  await assert.rejects(bounded(never, { ...browserWaits.fonts(), ms: 50 }), (error: unknown) => {
    assert.ok(error instanceof BrowserWaitError);
    assert.match((error as Error).message, /^the page's fonts did not load within 0 s: a font file may be missing or unreadable: reinstall with `npm ci`/);
    return true;
  });
  assert.ok(performance.now() - started < 1000);
  assert.equal(await bounded(Promise.resolve('done'), browserWaits.screenshot()), 'done');
  await assert.rejects(bounded(Promise.reject(new Error('its own error')), browserWaits.check()), /its own error/);
  clearTimeout(keepAlive);
});

test('layout and printing are given time by the size of the work', () => {
  assert.ok(browserWaits.layout(5_000_000).ms > browserWaits.layout(10_000).ms);
  assert.ok(browserWaits.print(900).ms > browserWaits.print(24).ms);
  assert.match(browserWaits.launch('system /usr/bin/chromium').what, /the browser \(system \/usr\/bin\/chromium\) did not start/);
});
