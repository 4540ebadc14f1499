// The information pages and the pages whose content issue 13 corrected: axe-core finds nothing,
// with and without our JavaScript, and nothing scrolls sideways at 320 CSS pixels. Phone numbers
// are tel: links a phone can call. "Without JavaScript" blocks our scripts rather than turning
// the engine off, because axe itself runs as a script in the page.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { formatViolations, openPage, runAxe, useServices, waitForScripts } from './helpers.mjs'

const svc = useServices()

const PAGES = [
  '/advice/after-you-report',
  '/advice/place-reports',
  '/advice/protective-orders',
  '/advice/support',
  '/advice/stalking',
  '/advice/sexual-harassment',
  '/advice/what-you-can-do',
  '/privacy',
  '/accessibility'
]

async function check (page, path, where) {
  const response = await page.goto(`${svc.server.url}${path}`)
  assert.equal(response.status(), 200, `${where}: status`)
  const violations = await runAxe(page)
  assert.equal(violations.length, 0, formatViolations(where, violations))
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  assert.ok(overflow <= 0, `${where}: the page is ${overflow}px too wide at 320px`)
}

describe('content pages', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`at 320px, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async (t) => {
      const { context, page } = await openPage(svc.browser, { viewport: { width: 320, height: 640 } })
      if (!javaScriptEnabled) await context.route(/\.m?js(\?|$)/, (route) => route.abort())
      try {
        for (const path of PAGES) {
          await t.test(path, async () => {
            if (javaScriptEnabled) {
              await page.goto(`${svc.server.url}${path}`)
              await waitForScripts(page)
            }
            await check(page, path, `${path} (320px, JS ${javaScriptEnabled ? 'on' : 'off'})`)
          })
        }
      } finally {
        await context.close()
      }
    })
  }

  test('the support page links every number for calling and every organisation to its site', async () => {
    const { context, page } = await openPage(svc.browser)
    try {
      await page.goto(`${svc.server.url}/advice/support`)
      const tel = await page.locator('main a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
      for (const n of ['tel:08088020300', 'tel:0800555111', 'tel:08001111', 'tel:08088005000', 'tel:08081689111', 'tel:101', 'tel:999']) {
        assert.ok(tel.includes(n), `support page should link ${n}; has ${tel}`)
      }
      const sites = await page.locator('main a[href^="https://"]').count()
      assert.ok(sites >= 12, `expected a web address for each organisation, found ${sites}`)
    } finally {
      await context.close()
    }
  })
})
