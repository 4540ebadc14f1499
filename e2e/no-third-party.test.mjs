// Visiting the site must not contact anyone else (no fonts, analytics, CDNs...), log no console
// errors and break no rule of our Content-Security-Policy.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import {
  crawl, openPage, useServices, waitForScripts
} from './helpers.mjs'

const svc = useServices()

describe('no third parties', () => {
  test('every crawled page: only same-origin requests, no console errors, no CSP violations', async () => {
    const { context, page } = await openPage(svc.browser)
    // Runs before any page script, through the DevTools protocol, so our CSP does not block it.
    await context.addInitScript(() => {
      window.__cspViolations = []
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ` +
          `at ${e.sourceFile || '?'}:${e.lineNumber || '?'}`)
      })
    })

    const requests = []
    const problems = []
    let current = '(none)'
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) current = new URL(f.url()).pathname
    })
    page.on('request', (r) => requests.push({ url: r.url(), page: current }))
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error on ${current}: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`uncaught exception on ${current}: ${e.message}`))

    try {
      const pages = await crawl(page, svc.server.url, {
        onPage: async (p, { path }) => {
          await waitForScripts(p)
          const csp = await p.evaluate(() => window.__cspViolations)
          for (const v of csp) problems.push(`CSP violation on ${path}: ${v}`)
        }
      })
      assert.ok(pages.length >= 10, `expected to find the site's pages, found ${pages.map((p) => p.path)}`)

      const foreign = requests.filter(({ url }) => {
        const u = new URL(url)
        // data: URLs are not network requests.
        return u.protocol !== 'data:' && u.origin !== svc.server.origin
      })
      assert.deepEqual(foreign.map((r) => `${r.url} (from ${r.page})`), [], 'requests to other origins')
      assert.ok(requests.some((r) => /\/assets\/app\.[0-9a-f]{12}\.js$/.test(r.url)), 'the page script should have loaded')
      assert.deepEqual(problems, [], 'console errors, uncaught exceptions or CSP violations')
    } finally {
      await context.close()
    }
  })
})
