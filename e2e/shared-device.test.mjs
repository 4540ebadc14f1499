// Safety on a shared device: after typing into a report and leaving with quick exit, going
// Back through the history shows no typed text and no title naming the topic; the timeout
// warning opens before the answers expire and "Continue" keeps them (Playwright's clock, so
// nothing depends on the wall clock). Keyboard hints ("or press Esc", and that Esc on the
// narrative page deletes the answers) show only where there is a keyboard, never on a phone.

import assert from 'node:assert/strict'
import { test } from 'node:test'

import {
  ABOUT_IT, NEUTRAL_TITLE, answer, openPage, questionPages, runAxe, formatViolations, useServices, waitForPost
} from './helpers.mjs'

const svc = useServices()
const { url, continueTo } = questionPages('/report-stalking')
const CANARY = 'CANARY-7f3a'
const TOPIC = /stalking|harassment|abuse|unsafe/i

for (const js of [true, false]) {
  test(`JavaScript ${js ? 'on' : 'off'}: Back after quick exit shows no canary and no topic title`, async () => {
    const { context, page } = await openPage(svc.browser, { javaScriptEnabled: js })
    try {
      const titles = []
      await page.goto(svc.server.url + '/advice/stalking')
      titles.push(await page.title())
      await page.goto(svc.server.url + url('danger'))
      titles.push(await page.title())
      await page.getByRole('radio', { name: 'No', exact: true }).check()
      await continueTo(page, 'danger', url('who-for'))
      titles.push(await page.title())
      await page.getByRole('radio', { name: 'Myself', exact: true }).check()
      await continueTo(page, 'who-for', url('what-is-happening'))
      titles.push(await page.title())
      await page.getByRole('checkbox', { name: 'Something else', exact: true }).check()
      await page.locator('#other').fill(CANARY)
      await page.locator('a[data-quick-exit]').click()
      await page.waitForURL(svc.neutral.url)
      assert.equal(await page.title(), NEUTRAL_TITLE)
      for (let i = 0; i < 4; i++) {
        const back = await page.goBack().catch(() => null)
        if (!back && page.url() === 'about:blank') break
        await page.waitForLoadState('load')
        titles.push(await page.title())
        const html = await page.content()
        assert.ok(!html.includes(CANARY), `canary in the page after Back (${page.url()})`)
        const values = await page.locator('input, textarea').evaluateAll((fs) => fs.map((f) => f.value))
        assert.ok(!values.some((v) => v.includes(CANARY)), `canary in a field after Back (${page.url()})`)
      }
      for (const t of titles) assert.doesNotMatch(t, TOPIC, `title ${JSON.stringify(t)}`)
    } finally {
      await context.close()
    }
  })
}

test('JavaScript on: the timeout warning opens before expiry, and Continue keeps the answers', async () => {
  const { context, page } = await openPage(svc.browser)
  try {
    await page.clock.install()
    await page.goto(svc.server.url + url('danger'))
    await page.getByRole('radio', { name: 'No', exact: true }).check()
    await continueTo(page, 'danger', url('who-for'))
    const dialog = page.locator('dialog[data-timeout-warning]')
    assert.equal(await dialog.isVisible(), false, 'no warning at first')
    const { idle, warn } = await dialog.evaluate((d) => ({
      idle: Number(d.dataset.idleSeconds), warn: Number(d.dataset.warnSeconds)
    }))
    await page.clock.fastForward((idle - warn + 1) * 1000)
    await dialog.waitFor({ state: 'visible' })
    assert.equal(await page.getByRole('dialog', { name: 'Do you need more time?' }).count(), 1)
    const violations = await runAxe(page)
    assert.deepEqual(violations, [], formatViolations('timeout warning', violations))
    const [kept] = await Promise.all([
      waitForPost(page, '/keep-alive'),
      dialog.getByRole('button', { name: 'Continue' }).click()
    ])
    assert.equal(kept.status(), 204)
    await dialog.waitFor({ state: 'hidden' })
    assert.equal(new URL(page.url()).pathname, url('who-for'), 'still on the question')
  } finally {
    await context.close()
  }
})

/** The answers that lead to the narrative question, for someone reporting for themselves. */
const TO_NARRATIVE = [
  ['danger', { radio: 'No' }],
  ['who-for', { radio: 'Myself' }],
  ...ABOUT_IT
]

for (const device of ['desktop', 'phone']) {
  test(`${device}: keyboard hints show only where there is a keyboard`, async () => {
    const options = device === 'phone'
      ? { isMobile: true, hasTouch: true, viewport: { width: 390, height: 800 } }
      : {}
    const { context, page } = await openPage(svc.browser, options)
    try {
      const keyboard = await page.evaluate(() => matchMedia('(hover: hover) and (pointer: fine)').matches)
      assert.equal(keyboard, device === 'desktop', 'the emulated device has the expected pointer')
      await page.goto(svc.server.url + url('danger'))
      for (const [slug, a] of TO_NARRATIVE) {
        assert.equal(new URL(page.url()).pathname, url(slug), `on ${slug}`)
        await answer(page, a)
        await Promise.all([
          waitForPost(page, url(slug)),
          page.getByRole('button', { name: 'Continue' }).click()
        ])
        await page.waitForURL((u) => u.pathname !== url(slug))
      }
      assert.equal(new URL(page.url()).pathname, url('what-happened'))
      const notice = page.getByText('If you press Esc while typing, you will leave this site at once')
      assert.equal(await notice.count(), 1, 'the notice is in the page')
      assert.equal(await notice.isVisible(), device === 'desktop', 'the Esc notice shows only with a keyboard')
      assert.equal(await page.locator('.app-quick-exit__hint').first().isVisible(), device === 'desktop',
        '"or press Esc" shows only with a keyboard')
      assert.equal(await page.locator('a[data-quick-exit]').first().isVisible(), true, 'the quick exit button always shows')
    } finally {
      await context.close()
    }
  })
}
