// Reflow (WCAG 1.4.10) on a 320 px wide screen: every public page, both report flows question
// by question, and their error states (forms sent empty) have no horizontal scroll, with and
// without JavaScript, and axe finds nothing on any of them. The cookie banner is compact there.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import {
  answer, formatViolations, openPage, runAxe, useServices, waitForPost
} from './helpers.mjs'

const svc = useServices()

/** The public routes (as in tests/integration/public.rs), plus a page that does not exist. */
const PUBLIC_PAGES = [
  '/', '/advice', '/advice/harassment', '/advice/sexual-harassment', '/advice/stalking',
  '/advice/online-stalking', '/advice/what-you-can-do', '/advice/covering-your-tracks',
  '/report-stalking', '/unsafe-place', '/accessibility', '/privacy', '/cookies', '/feedback',
  '/feedback/thank-you', '/report-stalking/emergency', '/no/such/page'
]

/** Answers by question slug: a named report by phone, then the place report's questions. */
const ANSWERS = {
  danger: { radio: 'No' },
  'who-for': { radio: 'Myself' },
  'what-is-happening': { check: ['Following'] },
  'more-than-once': { radio: 'Yes' },
  'when-it-started': { date: { month: '3', year: '2025' } },
  'how-often': { radio: 'Every day' },
  'getting-worse': { radio: 'No' },
  'who-is-doing-it': { radio: 'A stranger' },
  'describe-them': { text: 'Tall' },
  threats: { radio: 'No' },
  afraid: { radio: 'No' },
  weapons: { radio: 'No' },
  where: { radio: 'Online only' },
  'what-happened': { text: 'Messages every day from new accounts.' },
  evidence: { check: ['I do not have any evidence'] },
  'your-name-or-anonymous': { radio: 'Yes, give my name and contact details' },
  name: { text: 'Alex Example' },
  'date-of-birth': { date: { day: '27', month: '3', year: '1990' } },
  address: { postcode: 'sw1a 1aa', address: '1 Example Street' },
  contact: { radio: 'By email' },
  email: { text: 'alex@example.com' },
  phone: { text: '07700 900982' },
  'safe-times': { text: 'Weekdays' },
  'leave-message': { radio: 'No' },
  'do-not-contact': { text: '' },
  'the-place': { check: ['It was badly lit'] },
  people: { check: ['I was followed'] },
  when: { date: { day: '20', month: '11', year: '2026' } },
  'time-of-day': { radio: '9pm to midnight' },
  'how-often-place': { radio: 'Often' },
  'anything-else': { text: 'Dark path' },
  'about-you': { radio: 'No' },
  'not-reported': { check: ['No crime happened'] },
  'their-name': { text: 'Robin Example' },
  'your-relationship-to-them': { radio: 'I am a friend' },
  'do-they-know': { radio: 'Yes' },
  'safe-to-contact-them': { radio: 'Yes' },
  'how-to-contact-them': { radio: 'By phone' },
  'their-phone': { text: '07700 900983' }
}

/** The other branches: a report for someone else, with high-risk answers (the interruption card). */
const FOR_SOMEONE_ELSE = {
  'who-for': { radio: 'Someone else' },
  threats: { radio: 'Yes' }
}

/** Whether the page scrolls sideways, and what sticks out (for the message). */
async function overflow (page) {
  return page.evaluate(() => {
    const root = document.documentElement
    if (root.scrollWidth <= root.clientWidth) return null
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`)
    return `scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}: ${wide.join(', ')}`
  })
}

for (const js of [true, false]) {
  describe(`320 px wide, JavaScript ${js ? 'on' : 'off'}`, () => {
    const problems = []
    let context, page

    async function check (label) {
      await page.waitForLoadState('load')
      const wide = await overflow(page)
      if (wide) problems.push(`${label} (${new URL(page.url()).pathname}): ${wide}`)
      const violations = await runAxe(page)
      if (violations.length) problems.push(formatViolations(label, violations))
    }

    /** Click Continue (or the page's main button); the POST's status. */
    async function submit () {
      const form = page.locator('main form[method=post]').first()
      const action = new URL(await form.evaluate((f) => f.action)).pathname
      const [response] = await Promise.all([
        waitForPost(page, action),
        form.locator('button[type=submit]').last().click()
      ])
      await page.waitForLoadState('load')
      return response.status()
    }

    /** Answer every question from the current one to the check page, sending each empty first. */
    async function walk (base, overrides = {}) {
      const answers = { ...ANSWERS, ...overrides }
      for (let i = 0; i < 60; i++) {
        const path = new URL(page.url()).pathname
        const slug = path.slice(base.length + 1)
        if (slug === 'check') {
          await check(`${base} check answers`)
          return
        }
        await check(`${base} ${slug}`)
        const key = base === '/unsafe-place' && slug === 'how-often' ? 'how-often-place' : slug
        if (!(key in answers)) {
          // A page of the flow that is not a question (an interruption): go on with its button.
          await page.locator('main .govuk-button').first().click()
          await page.waitForLoadState('load')
          continue
        }
        const status = await submit()
        if (status === 422) {
          await check(`${base} ${slug}, sent empty`)
          await answer(page, answers[key])
          assert.equal(await submit(), 303, `${slug}: answered`)
        }
      }
      assert.fail(`${base}: no check page after 60 pages`)
    }

    test('every public page, and the compact cookie banner', async () => {
      // "Off" blocks our scripts rather than switching JavaScript off in the browser: axe runs
      // as a script and never finishes with JavaScript switched off. The pages are the same.
      ({ context, page } = await openPage(svc.browser, { viewport: { width: 320, height: 640 } }))
      if (!js) await context.route(/\.m?js(\?|$)/, (route) => route.abort())
      for (const path of PUBLIC_PAGES) {
        await page.goto(svc.server.url + path)
        await check(path)
      }
      await page.goto(svc.server.url + '/')
      const banner = await page.locator('.govuk-cookie-banner').boundingBox()
      assert.ok(banner.height < 400, `the cookie banner is ${banner.height} px tall at 320 × 640`)
      // Error states of the public forms.
      await page.goto(svc.server.url + '/feedback')
      assert.equal(await submit(), 422)
      await check('/feedback, sent empty')
    })

    test('the stalking report, question by question, with each error state', async () => {
      await page.goto(svc.server.url + '/report-stalking/danger')
      await walk('/report-stalking')
    })

    test('the stalking report for someone else, through the interruption card', async () => {
      await page.goto(svc.server.url + '/report-stalking/danger')
      await walk('/report-stalking', FOR_SOMEONE_ELSE)
    })

    test('the place report, with its search results and error state', async () => {
      await page.goto(svc.server.url + '/unsafe-place/where')
      await check('/unsafe-place where')
      const [empty] = await Promise.all([
        waitForPost(page, '/unsafe-place/where'),
        page.getByRole('button', { name: 'Continue' }).click()
      ])
      assert.equal(empty.status(), 422)
      await page.waitForLoadState('load')
      await check('/unsafe-place where, sent empty')
      await page.locator('#q').fill('Millbrook')
      await Promise.all([
        waitForPost(page, '/unsafe-place/where'),
        page.getByRole('button', { name: 'Search', exact: true }).click()
      ])
      await page.waitForLoadState('load')
      await check('/unsafe-place where, search results')
      await page.locator('label.govuk-radios__label').first().click()
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/unsafe-place/the-place'),
        page.getByRole('button', { name: 'Continue' }).click()
      ])
      await walk('/unsafe-place')
    })

    test('nothing scrolls sideways and axe finds nothing', async () => {
      await context?.close()
      assert.deepEqual(problems, [], problems.join('\n'))
    })
  })
}
