// Quick exit: the "Leave this site" button, Escape, and Shift pressed three times all leave for
// the neutral site, forget the session cookie, and do not leave the exited page in the history.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import {
  NEUTRAL_TITLE, openPage, useServices
} from './helpers.mjs'

const svc = useServices()

const onNeutral = (url) => url.origin === svc.neutral.origin

async function sessionCookies (context) {
  return (await context.cookies(svc.server.url)).filter((c) => c.name.endsWith('ss_session'))
}

/**
 * Open `/feedback` then `/advice/stalking` in a fresh context; the session cookie must be set.
 * A page with a form of its own starts the session (content pages start none, issue 15).
 */
async function openSensitivePage (contextOptions = {}) {
  const { context, page } = await openPage(svc.browser, contextOptions)
  await page.goto(`${svc.server.url}/feedback`)
  await page.goto(`${svc.server.url}/advice/stalking`)
  assert.equal((await sessionCookies(context)).length, 1, 'ss_session should be set before leaving')
  return { context, page }
}

async function assertLeftSite (context, page) {
  await page.waitForURL(onNeutral)
  assert.equal(await page.title(), NEUTRAL_TITLE)
  assert.deepEqual(await sessionCookies(context), [], 'ss_session cookie should be gone after exit')
  const leaks = svc.neutral.requests.filter((r) => (r.headers.referer || '').startsWith(svc.server.origin))
  assert.deepEqual(leaks, [], 'the neutral site must not learn where the visitor came from (Referer)')
}

const triggers = {
  'the "Leave this site" button': (page) => page.locator('a[data-quick-exit]').click(),
  'the Escape key': (page) => page.keyboard.press('Escape'),
  'Shift pressed three times': async (page) => {
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
  }
}

describe('quick exit with JavaScript', () => {
  for (const [name, trigger] of Object.entries(triggers)) {
    test(`${name} leaves for the neutral site and replaces the page in history`, async () => {
      const { context, page } = await openSensitivePage()
      try {
        await trigger(page)
        await assertLeftSite(context, page)

        await page.goBack()
        const back = new URL(page.url())
        assert.notEqual(
          back.origin + back.pathname,
          `${svc.server.origin}/advice/stalking`,
          'Back must not return to the page the visitor left'
        )
      } finally {
        await context.close()
      }
    })
  }

  test('typing capitals in a form (Shift with other keys between) does not exit', async () => {
    const { context, page } = await openPage(svc.browser)
    try {
      await page.goto(`${svc.server.url}/feedback`)
      // A marker that only survives if this document is never navigated away from.
      await page.evaluate(() => { window.__stillHere = true })
      await page.locator('textarea#improve').click()

      const text = 'Hello World Again'
      for (const ch of text) {
        if (/[A-Z]/.test(ch)) {
          await page.keyboard.down('Shift')
          await page.keyboard.press(`Key${ch}`)
          await page.keyboard.up('Shift')
        } else {
          await page.keyboard.press(ch === ' ' ? 'Space' : ch)
        }
      }

      assert.equal(await page.locator('textarea#improve').inputValue(), text)
      assert.equal(new URL(page.url()).pathname, '/feedback')
      const state = await page.evaluate(() => ({
        stillHere: window.__stillHere === true,
        exiting: document.documentElement.classList.contains('app-exiting')
      }))
      assert.deepEqual(state, { stillHere: true, exiting: false })
    } finally {
      await context.close()
    }
  })
})

describe('quick exit without JavaScript', () => {
  test('the "Leave this site" button still reaches the neutral site', async () => {
    const { context, page } = await openSensitivePage({ javaScriptEnabled: false })
    try {
      await page.locator('a[data-quick-exit]').click()
      await assertLeftSite(context, page)
    } finally {
      await context.close()
    }
  })
})

describe('quick exit skip link', () => {
  test('is the first thing Tab reaches and leaves without keeping the page in history', async () => {
    const { context, page } = await openSensitivePage()
    try {
      await page.keyboard.press('Tab')
      const focused = page.locator('a[data-quick-exit-skip]')
      assert.equal(await focused.evaluate((el) => el === document.activeElement), true,
        'the first Tab should focus the quick exit skip link')
      await page.keyboard.press('Enter')
      await assertLeftSite(context, page)

      await page.goBack()
      const back = new URL(page.url())
      assert.notEqual(
        back.origin + back.pathname,
        `${svc.server.origin}/advice/stalking`,
        'Back must not return to the page the visitor left'
      )
    } finally {
      await context.close()
    }
  })
})
