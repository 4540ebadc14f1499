// The public service in Welsh, in a real browser at 320 px wide, with JavaScript on and with
// our scripts blocked: Welsh is chosen with the "Cymraeg" link, holds through both report flows
// to their confirmations (answered by their Welsh labels), every page is `lang="cy"`, has no
// sideways scroll and no axe violation, question pages have neutral Welsh titles ("Cam n"),
// and quick exit forgets the choice.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import {
  answer, formatViolations, openPage, runAxe, useServices, waitForPost, waitForScripts
} from './helpers.mjs'

const svc = useServices()

const FORCE = 'Northshire Police'

/** Public pages (as in reflow.test.mjs). */
const PUBLIC_PAGES = [
  '/', '/advice', '/advice/harassment', '/advice/sexual-harassment', '/advice/stalking',
  '/advice/online-stalking', '/advice/what-you-can-do', '/advice/covering-your-tracks',
  '/advice/after-you-report', '/advice/place-reports', '/advice/protective-orders',
  '/advice/support', '/report-stalking', '/unsafe-place', '/accessibility', '/privacy',
  '/cookies', '/feedback', '/report-stalking/emergency', '/no/such/page'
]

/** The stalking report, anonymous, for the sender, as a Welsh speaker answers it. */
const STALKING = [
  ['danger', { radio: 'Na' }],
  ['who-for', { radio: 'Fi fy hun' }],
  ['what-is-happening', { check: ['Dilyn', 'Galwadau, negeseuon neu lythyrau digroeso'] }],
  ['more-than-once', { radio: 'Ie' }],
  ['when-it-started', { date: { month: '3', year: '2025' } }],
  ['how-often', { radio: 'Bob dydd' }],
  ['getting-worse', { radio: 'Na' }],
  ['who-is-doing-it', { radio: 'Dieithryn' }],
  ['describe-them', { text: 'Tal, gwallt byr' }],
  ['threats', { radio: 'Na' }],
  ['afraid', { radio: 'Na' }],
  ['weapons', { radio: 'Na' }],
  ['where', { radio: 'Ar-lein yn unig' }],
  ['what-happened', { text: 'Negeseuon bob dydd o gyfrifon newydd.' }],
  ['evidence', { check: ['Does gen i ddim tystiolaeth'] }],
  ['your-name-or-anonymous', { radio: 'Nac ydw, rhoi gwybod yn ddienw' }]
]

/** The place report after the place. */
const PLACE = [
  ['the-place', { check: ["Doedd dim digon o olau"] }],
  ['people', { check: ['Ces i fy nilyn'] }],
  ['when', { date: { day: '20', month: '11', year: '2026' } }],
  ['time-of-day', { radio: '9pm i hanner nos' }],
  ['how-often', { radio: 'Yn aml' }],
  ['anything-else', { text: '' }],
  ['about-you', { radio: 'Na' }],
  ['not-reported', { check: ['Ddigwyddodd dim trosedd'] }]
]

for (const js of [true, false]) {
  describe(`in Welsh at 320 px, JavaScript ${js ? 'on' : 'off'}`, () => {
    const problems = []

    async function open () {
      const opened = await openPage(svc.browser, { viewport: { width: 320, height: 640 } })
      if (!js) await opened.context.route(/\.m?js(\?|$)/, (route) => route.abort())
      return opened
    }

    /** Welsh, no sideways scroll, no axe violation; a question page's title is "Cam n". */
    async function check (page, label, { question = false } = {}) {
      await page.waitForLoadState('load')
      if (js) await waitForScripts(page)
      const where = `${label} (${new URL(page.url()).pathname})`
      const lang = await page.evaluate(() => document.documentElement.lang)
      if (lang !== 'cy') problems.push(`${where}: html lang is ${lang}`)
      const wide = await page.evaluate(() => {
        const root = document.documentElement
        return root.scrollWidth > root.clientWidth ? `${root.scrollWidth} > ${root.clientWidth}` : null
      })
      if (wide) problems.push(`${where}: scrolls sideways, ${wide}`)
      const title = await page.title()
      const expected = question ? /^(Gwall: )?Cam \d+ – Northshire Police$/ : new RegExp(`^(Gwall: )?${FORCE}$`)
      if (!expected.test(title)) problems.push(`${where}: title ${JSON.stringify(title)}`)
      const violations = await runAxe(page)
      if (violations.length) problems.push(formatViolations(where, violations))
    }

    /** Click the form's main button (Parhau, Anfon…); the POST's status. */
    async function submit (page, name) {
      const form = page.locator('main form[method=post]').first()
      const action = new URL(await form.evaluate((f) => f.action)).pathname
      const [response] = await Promise.all([
        waitForPost(page, action),
        page.getByRole('button', { name, exact: true }).click()
      ])
      await page.waitForLoadState('load')
      return response.status()
    }

    async function walk (page, base, steps) {
      for (const [i, [slug, a]] of steps.entries()) {
        assert.equal(new URL(page.url()).pathname, `${base}/${slug}`)
        await check(page, `${base} ${slug}`, { question: true })
        if (i === 0) {
          // One error state in Welsh: sent empty.
          assert.equal(await submit(page, 'Parhau'), 422)
          assert.equal(await page.locator('.govuk-error-summary__title').innerText(), 'Mae problem wedi codi')
          await check(page, `${base} ${slug}, sent empty`, { question: true })
        }
        await answer(page, a)
        assert.equal(await submit(page, 'Parhau'), 303, `${slug}: answered`)
      }
      assert.equal(new URL(page.url()).pathname, `${base}/check`)
    }

    /** Choose Welsh with the switcher, as a visitor would. */
    async function chooseWelsh (page) {
      await page.goto(svc.server.url + '/')
      const link = page.locator('nav.govuk-language-navigation a[hreflang="cy"]')
      assert.equal(await link.getAttribute('lang'), 'cy')
      assert.equal(await link.innerText(), 'Cymraeg')
      await link.click()
      await page.waitForURL((u) => u.pathname === '/')
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy')
      const english = page.locator('nav.govuk-language-navigation a[hreflang="en"]')
      assert.equal(await english.innerText(), 'English')
      assert.equal(await english.getAttribute('lang'), 'en')
    }

    test('every public page', async () => {
      const { context, page } = await open()
      try {
        await chooseWelsh(page)
        for (const path of PUBLIC_PAGES) {
          await page.goto(svc.server.url + path)
          await check(page, path)
        }
      } finally {
        await context.close()
      }
    })

    test('the stalking report, to its confirmation', async () => {
      const { context, page } = await open()
      try {
        await chooseWelsh(page)
        await page.goto(svc.server.url + '/report-stalking')
        await check(page, 'start')
        await page.getByRole('button', { name: 'Dechrau nawr' }).click()
        await page.waitForURL((u) => u.pathname === '/report-stalking/danger')
        await walk(page, '/report-stalking', STALKING)
        await check(page, 'check answers')
        const main = await page.locator('main').innerText()
        assert.match(main, /Mawrth 2025/, 'a Welsh month name')
        assert.match(main, /Dieithryn/)
        await page.getByRole('button', { name: 'Anfon adroddiad' }).click()
        await page.waitForURL((u) => u.pathname === '/report-stalking/confirmation')
        await check(page, 'confirmation')
        assert.equal(await page.locator('h1').innerText(), "Adroddiad wedi'i anfon")
        assert.match(await page.locator('main').innerText(), /Rhoesoch chi wybod yn ddienw/)
      } finally {
        await context.close()
      }
    })

    test('the place report, found by search, to its confirmation', async () => {
      const { context, page } = await open()
      try {
        await chooseWelsh(page)
        await page.goto(svc.server.url + '/unsafe-place/where')
        await check(page, 'where', { question: true })
        if (js) {
          // The map's own controls speak Welsh too, not Leaflet's English.
          assert.equal(await page.locator('.leaflet-control-zoom-in').getAttribute('title'), 'Chwyddo i mewn')
          assert.equal(await page.locator('.leaflet-control-zoom-out').getAttribute('title'), 'Chwyddo allan')
        }
        await page.locator('#q').fill('Millbrook')
        await Promise.all([
          waitForPost(page, '/unsafe-place/where'),
          page.getByRole('button', { name: 'Chwilio', exact: true }).click()
        ])
        await page.waitForLoadState('load')
        await check(page, 'where, search results', { question: true })
        await page.locator('label.govuk-radios__label').first().click()
        await Promise.all([
          page.waitForURL((u) => u.pathname === '/unsafe-place/the-place'),
          page.getByRole('button', { name: 'Parhau' }).click()
        ])
        await walk(page, '/unsafe-place', PLACE)
        await check(page, 'check answers')
        assert.match(await page.locator('main').innerText(), /20 Tachwedd 2026/, 'a Welsh date')
        await page.getByRole('button', { name: 'Anfon', exact: true }).click()
        await page.waitForURL((u) => u.pathname === '/unsafe-place/confirmation')
        await check(page, 'confirmation')
        assert.equal(await page.locator('h1').innerText(), 'Diolch, mae eich atebion wedi cael eu hanfon')
      } finally {
        await context.close()
      }
    })

    test('quick exit forgets the language', async () => {
      const { context, page } = await open()
      try {
        await chooseWelsh(page)
        assert.ok((await context.cookies()).some((c) => c.name === 'ss_lang' && c.value === 'cy'))
        await page.locator('[data-quick-exit]').click()
        await page.waitForURL((u) => u.origin === svc.neutral.origin)
        assert.deepEqual((await context.cookies(svc.server.url)).map((c) => c.name), [])
        await page.goto(svc.server.url + '/')
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-GB')
      } finally {
        await context.close()
      }
    })

    test('nothing scrolls sideways, axe finds nothing, every page is Welsh', () => {
      assert.deepEqual(problems, [], problems.join('\n'))
    })
  })
}
