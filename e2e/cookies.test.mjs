// The cookie banner: accept and reject, with and without JavaScript.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import {
  describePage, openPage, submitForm, useServices
} from './helpers.mjs'

const svc = useServices()

const PAGE = '/advice/stalking'

const flows = {
  accept: { button: 'Accept additional cookies', flag: 'accepted', value: 'yes', text: 'You have accepted additional cookies.' },
  reject: { button: 'Reject additional cookies', flag: 'rejected', value: 'no', text: 'You have rejected additional cookies.' }
}

for (const js of [true, false]) {
  describe(`cookie banner with JavaScript ${js ? 'on' : 'off'}`, () => {
    for (const [name, flow] of Object.entries(flows)) {
      test(`${name}`, async () => {
        const { context, page } = await openPage(svc.browser, { javaScriptEnabled: js })
        try {
          await page.goto(svc.server.url + PAGE)
          const banner = page.locator('.govuk-cookie-banner')
          assert.equal(await banner.isVisible(), true, 'the banner should show on the first visit')
          assert.equal(await banner.getByRole('heading', { name: 'Cookies on this service' }).isVisible(), true)

          const post = await submitForm(page, banner.getByRole('button', { name: flow.button }), '/cookies/consent')
          assert.equal(post.status(), 303,
            `POST /cookies/consent should redirect back, got ${post.status()}; now on ${await describePage(page)}`)
          await page.waitForURL((u) => u.pathname === PAGE && u.searchParams.get('cookies') === flow.flag)

          const confirmation = page.getByText(flow.text)
          assert.equal(await confirmation.isVisible(), true, `"${flow.text}" should be shown`)
          assert.equal(await banner.getByRole('button', { name: flow.button }).count(), 0,
            'the question should be gone once answered')

          const consent = (await context.cookies(svc.server.url)).filter((c) => c.name === 'ss_cookie_consent')
          assert.equal(consent.length, 1, 'exactly one ss_cookie_consent cookie')
          assert.equal(consent[0].value, flow.value)
          // A session cookie (Playwright reports -1): nothing of the visit outlives the browser.
          assert.equal(consent[0].expires, -1,
            `consent should last only until the browser closes, expires=${consent[0].expires}`)

          await page.getByRole('button', { name: 'Hide cookie message' }).click()
          await page.waitForURL((u) => u.pathname === PAGE && !u.searchParams.has('cookies'))
          assert.equal(await confirmation.count(), 0, 'the confirmation should be hidden')
          assert.equal(await banner.count(), 0, 'no cookie banner after hiding the message')

          await page.reload()
          assert.equal(await banner.count(), 0, 'no cookie banner on reload once answered')
        } finally {
          await context.close()
        }
      })
    }
  })
}
