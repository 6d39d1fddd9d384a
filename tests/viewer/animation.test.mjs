// The $t animation control and the grid scale labels, in Chromium with the
// fake anywidget model.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { harnessPerTest } from './browser-harness.mjs';

let page;
harnessPerTest((h) => ({ page } = h));

describe('animation control', () => {
  it('is hidden without anim_steps and appears when they are set', async () => {
    await page.evaluate(() => window.harness.mount());
    assert.equal(await page.isVisible('.mos-animation'), false);
    await page.evaluate(() => window.harness.model.set('anim_steps', 4));
    assert.equal(await page.isVisible('.mos-animation'), true);
  });

  it('steps $t forward and back, wrapping, and saves the trait', async () => {
    await page.evaluate(() => {
      const h = window.harness;
      h.mount({ anim_steps: 4, t: 0 });
      h.saves = 0;
      h.model.save_changes = () => { h.saves++; };
    });
    const t = () => page.evaluate(() => window.harness.model.get('t'));
    await page.click('button[data-action="anim-next"]');
    assert.equal(await t(), 0.25);
    await page.click('button[data-action="anim-back"]');
    await page.click('button[data-action="anim-back"]');
    assert.equal(await t(), 0.75, 'wraps below 0');
    assert.equal(await page.evaluate(() => window.harness.saves), 3);
    assert.equal(await page.locator('.mos-anim-t').textContent(), '$t = 0.750 (3/4)');
  });

  it('play advances $t until paused and waits while a render is loading', async () => {
    await page.evaluate(() => window.harness.mount({ anim_steps: 100, anim_fps: 50, t: 0 }));
    await page.click('button[data-action="anim-play"]');
    await page.waitForFunction(() => window.harness.model.get('t') >= 0.05);
    await page.evaluate(() => window.harness.model.set('loading', true));
    const held = await page.evaluate(() => window.harness.model.get('t'));
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.harness.model.get('t')), held, 'no steps while loading');
    await page.evaluate(() => window.harness.model.set('loading', false));
    await page.waitForFunction((h) => window.harness.model.get('t') > h, held);
    await page.click('button[data-action="anim-play"]');
    const paused = await page.evaluate(() => window.harness.model.get('t'));
    await page.waitForTimeout(150);
    assert.equal(await page.evaluate(() => window.harness.model.get('t')), paused, 'paused');
  });

  it('cleanup stops a playing animation', async () => {
    await page.evaluate(() => window.harness.mount({ anim_steps: 100, anim_fps: 50, t: 0 }));
    await page.click('button[data-action="anim-play"]');
    await page.waitForFunction(() => window.harness.model.get('t') > 0);
    const last = await page.evaluate(() => { window.harness.unmount(); return window.harness.model.get('t'); });
    await page.waitForTimeout(150);
    assert.equal(await page.evaluate(() => window.harness.model.get('t')), last);
  });
});

describe('grid scale labels', () => {
  it('labels the grid at its step and names the axes', async () => {
    await page.evaluate(() => {
      const h = window.harness;
      h.mount(h.traitsOf(h.meshes.cube(10)));
    });
    // Cube 0..10: grid step 1, from -2 to 12, labelled every 2.
    assert.match(await page.locator('.mos-dims').textContent(), /grid 1$/);
    const labels = await page.locator('.mos-grid-label:not([hidden])').allTextContents();
    for (const v of ['-2', '0', '4', '10', '12']) assert.ok(labels.includes(v), `${v} in ${labels.join(' ')}`);
    assert.ok(!labels.includes('3'), 'only every second line is labelled');
    const names = await page.locator('.mos-axis-name:not([hidden])').allTextContents();
    assert.deepEqual(names.sort(), ['X', 'Y', 'Z']);
    await page.click('button[data-action="axes"]');
    assert.equal(await page.isVisible('.mos-grid-labels'), false);
  });

  it('labels follow the camera', async () => {
    await page.evaluate(() => {
      const h = window.harness;
      h.mount(h.traitsOf(h.meshes.cube(10)));
    });
    const where = () => page.locator('.mos-axis-name', { hasText: 'X' }).evaluate((e) => e.style.transform);
    const before = await where();
    await page.evaluate(() => {
      window.harness.viewer.action('top');
      return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    assert.notEqual(await where(), before);
  });
});
