// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every page reachable from the home page, on the
// error states, and on the home page at 320 CSS pixels wide (reflow).

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import {
  crawl, describePage, formatViolations, openPage, runAxe, submitForm, useServices, waitForScripts
} from './helpers.mjs'

const svc = useServices()

async function withPage (fn, contextOptions = {}) {
  const { context, page } = await openPage(svc.browser, contextOptions)
  try {
    return await fn(page)
  } finally {
    await context.close()
  }
}

async function assertNoViolations (page, where) {
  await waitForScripts(page)
  const violations = await runAxe(page)
  assert.equal(violations.length, 0, formatViolations(where, violations))
}

describe('accessibility', () => {
  test('every page reachable from the home page', async (t) => {
    await withPage(async (page) => {
      const pages = await crawl(page, svc.server.url)
      assert.ok(pages.length >= 10, `expected to find the site's pages, found ${pages.map((p) => p.path)}`)
      const broken = pages.filter((p) => p.status !== 200)
      assert.deepEqual(broken, [], 'every linked page should answer 200')

      for (const { url, path } of pages) {
        await t.test(path, async () => {
          await page.goto(url)
          await assertNoViolations(page, path)
        })
      }
    })
  })

  test('page not found (404)', async () => {
    await withPage(async (page) => {
      const response = await page.goto(`${svc.server.url}/no-such-page`)
      assert.equal(response.status(), 404)
      await assertNoViolations(page, '/no-such-page')
    })
  })

  test('back-office page not found (404), in the back office layout', async () => {
    await withPage(async (page) => {
      const response = await page.goto(`${svc.server.url}/staff/no-such-page`)
      assert.equal(response.status(), 404)
      assert.equal(await page.locator('body.app-staff').count(), 1, 'the back office layout')
      await assertNoViolations(page, '/staff/no-such-page')
    })
  })

  test('feedback form submitted empty (error summary)', async () => {
    await withPage(async (page) => {
      await page.goto(`${svc.server.url}/feedback`)
      await waitForScripts(page)
      const response = await submitForm(page, page.getByRole('button', { name: 'Send feedback' }), '/feedback')
      assert.equal(response.status(), 422, `expected the form back with errors; now on ${await describePage(page)}`)
      assert.equal(await page.locator('.govuk-error-summary').isVisible(), true, 'error summary should show')
      await assertNoViolations(page, '/feedback after an empty submit')
    })
  })

  test('cookie settings submitted empty (error summary)', async () => {
    await withPage(async (page) => {
      await page.goto(`${svc.server.url}/cookies`)
      await waitForScripts(page)
      // The current choice ("no") is preselected; clear it to send the form with no answer.
      await page.locator('input[name="usage"]').evaluateAll((radios) => {
        for (const r of radios) r.checked = false
      })
      const response = await submitForm(page, page.getByRole('button', { name: 'Save cookie settings' }), '/cookies')
      assert.equal(response.status(), 422, `expected the form back with errors; now on ${await describePage(page)}`)
      assert.equal(await page.locator('.govuk-error-summary').isVisible(), true, 'error summary should show')
      await assertNoViolations(page, '/cookies after an empty submit')
    })
  })

  test('cookie banner confirmation', async () => {
    await withPage(async (page) => {
      await page.goto(`${svc.server.url}/?cookies=accepted`)
      assert.equal(await page.getByText('You have accepted additional cookies.').isVisible(), true)
      await assertNoViolations(page, '/?cookies=accepted')
    })
  })

  test('home page at 320px wide (reflow)', async () => {
    await withPage(async (page) => {
      await page.goto(`${svc.server.url}/`)
      await assertNoViolations(page, '/ at 320px')
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      assert.ok(overflow <= 0, `no horizontal scrolling at 320px; the page is ${overflow}px too wide`)
    }, { viewport: { width: 320, height: 640 } })
  })
})
