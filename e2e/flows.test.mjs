// The report's routes in a real browser, with JavaScript on and off and axe on every page:
// Back after a Change that opens new questions is never a trap; a report for someone else
// asks about them and shows it on check answers; high-risk answers bring the interruption
// card, then the report goes on; the confirmation fits the route; the date hint is clear.
// (Every branching Change is enumerated from the step table in tests/integration/change_back.rs.)

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, test } from 'node:test'

import {
  ROOT, answer, describePage, formatViolations, openPage, questionPages, runAxe, submitForm,
  useServices, waitForScripts, totp, ABOUT_IT
} from './helpers.mjs'

const svc = useServices()

const BASE = '/report-stalking'
const { url, continueTo } = questionPages(BASE)
const change = (slug) => `${url(slug)}?change=check`

/** An anonymous report for someone else, with no high-risk answer. */
const FOR_OTHER = [
  ['danger', { radio: 'No' }],
  ['who-for', { radio: 'Someone else' }],
  ['their-name', { text: 'Sam Sister' }],
  ['your-relationship-to-them', { radio: 'I am a friend' }],
  ['do-they-know', { radio: 'No' }],
  ['safe-to-contact-them', { radio: 'No' }],
  ...ABOUT_IT,
  ['what-happened', { text: 'Someone follows her home from the station.' }],
  ['evidence', { check: ['I do not have any evidence'] }],
  ['your-name-or-anonymous', { radio: 'No, report anonymously' }]
]

/**
 * A page with JavaScript on, or "off": our scripts blocked, so the page is exactly what a
 * browser without JavaScript shows, while axe (evaluated through DevTools) can still run —
 * with JavaScript disabled outright, axe's own promise never settles.
 */
async function openFlowPage (js) {
  const opened = await openPage(svc.browser)
  if (!js) await opened.context.route(/\.m?js(\?|$)/, (route) => route.abort())
  return opened
}

async function axeClean (page, where, failures, js) {
  if (js) await waitForScripts(page)
  const violations = await runAxe(page)
  if (violations.length) failures.push(formatViolations(where, violations))
}

async function answerAll (page, steps, { onPage = async () => {}, end = url('check') } = {}) {
  await page.goto(svc.server.url + url(steps[0][0]))
  for (let i = 0; i < steps.length; i++) {
    const [slug, a] = steps[i]
    assert.equal(new URL(page.url()).pathname, url(slug), `expected ${slug}; on ${await describePage(page)}`)
    await onPage(slug)
    await answer(page, a)
    await continueTo(page, slug, i + 1 < steps.length ? url(steps[i + 1][0]) : end)
  }
}

async function summary (page) {
  return page.locator('.govuk-summary-list__row').evaluateAll((rows) => Object.fromEntries(rows.map((r) => [
    r.querySelector('.govuk-summary-list__key').textContent.trim(),
    r.querySelector('.govuk-summary-list__value').innerText.trim()
  ])))
}

async function backHref (page) {
  return page.locator('.govuk-back-link').getAttribute('href')
}

/** Click Back and wait for `to` (path + query). */
async function clickBack (page, to) {
  await page.locator('.govuk-back-link').click()
  await page.waitForURL((u) => u.pathname + u.search === to)
}

async function send (page) {
  await page.getByRole('button', { name: 'Send report' }).click()
  await page.waitForURL((u) => u.pathname === url('confirmation'))
}

for (const js of [true, false]) {
  describe(`report routes, JavaScript ${js ? 'on' : 'off'}`, () => {
    test('Back after a Change that opens questions goes up the branch, never to a trap', async () => {
      const { context, page } = await openFlowPage(js)
      const failures = []
      try {
        await answerAll(page, FOR_OTHER, {
          onPage: async (slug) => {
            if (slug === 'when-it-started') {
              assert.equal(await page.locator('#date-hint').innerText(),
                'An approximate date is fine. For example, 14 3 2024 for 14 March 2024. If you do not remember the day, leave it empty and enter the month and year.')
            }
          }
        })
        // Anonymous → named: the name page's Back goes to the question that opened it.
        await page.getByRole('link', { name: 'Change name or anonymous' }).click()
        await page.waitForURL((u) => u.pathname + u.search === change('your-name-or-anonymous'))
        assert.equal(await backHref(page), url('check'), 'nothing opened yet: Back to check')
        await answer(page, { radio: 'Yes, give my name and contact details' })
        await continueTo(page, 'your-name-or-anonymous', change('name'))
        await axeClean(page, change('name'), failures, js)
        assert.equal(await backHref(page), change('your-name-or-anonymous'))
        await clickBack(page, change('your-name-or-anonymous'))
        assert.equal(await page.getByRole('radio', { name: 'Yes, give my name and contact details' }).isChecked(), true)
        await continueTo(page, 'your-name-or-anonymous', change('name'))
        await answer(page, { text: 'Jo Reporter' })
        // Reporting for someone else: no date of birth or address of the reporter.
        await continueTo(page, 'name', change('contact'))
        assert.equal(await backHref(page), change('name'), 'up the new branch, in change mode')
        await answer(page, { radio: 'By phone' })
        await continueTo(page, 'contact', change('phone'))
        assert.equal(await backHref(page), change('contact'))
        await answer(page, { text: '07700 900456' })
        await continueTo(page, 'phone', change('safe-times'))
        await answer(page, { text: '' })
        await continueTo(page, 'safe-times', change('leave-message'))
        await answer(page, { radio: 'No' })
        await continueTo(page, 'leave-message', change('do-not-contact'))
        await answer(page, { text: '' })
        await continueTo(page, 'do-not-contact', url('check'))

        // Phone → email: Back from the email question goes to the contact question.
        await page.getByRole('link', { name: 'Change safe contact' }).click()
        await page.waitForURL((u) => u.pathname === url('contact'))
        await answer(page, { radio: 'By email' })
        await continueTo(page, 'contact', change('email'))
        await axeClean(page, change('email'), failures, js)
        await clickBack(page, change('contact'))
        await continueTo(page, 'contact', change('email'))
        await answer(page, { text: 'jo@example.org' })
        await continueTo(page, 'email', url('check'))

        // Not safe → safe to contact them: Back from "how" goes to the question that opened it.
        await page.getByRole('link', { name: 'Change safe to contact them' }).click()
        await answer(page, { radio: 'Yes' })
        await continueTo(page, 'safe-to-contact-them', change('how-to-contact-them'))
        await axeClean(page, change('how-to-contact-them'), failures, js)
        await clickBack(page, change('safe-to-contact-them'))
        await continueTo(page, 'safe-to-contact-them', change('how-to-contact-them'))
        await answer(page, { radio: 'Through me' })
        await continueTo(page, 'how-to-contact-them', url('check'))

        // GOV.UK Frontend starts after the first frame (issue 15): wait for it with scripts on;
        // with them off nothing can ever set the class.
        if (js) await waitForScripts(page)
        assert.equal(await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')), js,
          'our scripts ran only with JavaScript on')
        const rows = await summary(page)
        assert.equal(rows['Their name'], 'Sam Sister')
        assert.equal(rows['How you know them'], 'I am a friend')
        assert.equal(rows['They know about this report'], 'No')
        assert.equal(rows['How to contact them'], 'Through me')
        assert.equal(rows['Your date of birth'], undefined)
        await axeClean(page, url('check'), failures, js)

        await send(page)
        const main = await page.locator('main').innerText()
        assert.match(main, /usually within 2 working days/)
        assert.match(main, /only contact you in the way/, 'named route')
        assert.doesNotMatch(main, /anonymously/)
        await axeClean(page, url('confirmation'), failures, js)
        assert.deepEqual(failures, [], `\n${failures.join('\n\n')}`)
      } finally {
        await context.close()
      }
    })

    test('high-risk answers bring the interruption card, then the report goes on', async () => {
      const { context, page } = await openFlowPage(js)
      const failures = []
      try {
        const highRisk = FOR_OTHER.map(([slug, a]) => [slug, slug === 'threats' ? { radio: 'Yes' } : a])
        const upToWeapons = highRisk.slice(0, highRisk.findIndex(([s]) => s === 'weapons') + 1)
        await answerAll(page, upToWeapons.slice(0, -1), { end: url('weapons') })
        assert.equal(new URL(page.url()).pathname, url('weapons'), await describePage(page))
        await answer(page, { radio: 'No' })
        await continueTo(page, 'weapons', url('your-safety'))
        const card = page.locator('.govuk-panel--interruption')
        assert.equal(await card.count(), 1)
        assert.match(await card.locator('h1').innerText(), /keeping them safe/)
        const tel = await card.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
        assert.deepEqual(tel, ['tel:999', 'tel:18000'])
        assert.match(await card.innerText(), /press 55/)
        await axeClean(page, url('your-safety'), failures, js)
        await page.getByRole('button', { name: 'Continue' }).click()
        await page.waitForURL((u) => u.pathname === url('where'))
        for (const [slug, a] of highRisk.slice(highRisk.findIndex(([s]) => s === 'where'))) {
          await answer(page, a)
          await continueTo(page, slug, slug === 'your-name-or-anonymous' ? url('check') : url(highRisk[highRisk.findIndex(([s]) => s === slug) + 1][0]))
        }
        await send(page)
        const main = await page.locator('main').innerText()
        assert.match(main, /read before others/, 'urgent route')
        assert.match(main, /You reported anonymously/, 'anonymous route')
        assert.doesNotMatch(main, /within 2 working days/)
        assert.equal(await page.locator('main a[href="tel:999"]').count(), 1)
        await axeClean(page, url('confirmation'), failures, js)
        assert.deepEqual(failures, [], `\n${failures.join('\n\n')}`)
      } finally {
        await context.close()
      }
    })
  })
}

// ---------------------------------------------------------------------------------------------
// Staff: the answers about the person it is happening to, on the case page.
// (Set-up and sign-in as in staff.test.mjs, without its error states.)

const PASSWORD = 'violet kettle marching 7'

function cli (...args) {
  const bin = process.env.SAFERSTREETS_BIN || path.join(ROOT, 'target', 'debug', 'saferstreets')
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SAFERSTREETS_')))
  env.SAFERSTREETS_DATA_DIR = svc.server.dataDir
  env.SAFERSTREETS_KEYS_DIR = path.join(svc.server.dataDir, 'keys')
  return execFileSync(bin, [...args, '--database-url', `sqlite://${svc.server.dataDir}/db.sqlite`], { env, encoding: 'utf8' })
}


async function staffSignedIn (page, email) {
  const m = /https?:\/\/[^/\s]+(\/staff\/setup\/[0-9a-f]+)/.exec(
    cli('user', 'add', '--email', email, '--role', 'investigator', '--force', 'northshire'))
  assert.ok(m, 'a set-up link')
  await page.goto(svc.server.url + m[1])
  await page.getByLabel('New password').fill(PASSWORD)
  await page.getByLabel('Type the password again').fill(PASSWORD)
  assert.equal((await submitForm(page, page.getByRole('button', { name: 'Continue' }), '/staff/setup')).status(), 303)
  const secret = (await page.locator('[data-secret]').textContent()).trim()
  const step = Math.floor(Date.now() / 30_000)
  await page.getByLabel('Enter the code your app now shows').fill(totp(secret, step))
  assert.equal((await submitForm(page, page.getByRole('button', { name: 'Finish setting up' }), '/staff/setup/authenticator')).status(), 303)
  await page.goto(svc.server.url + '/staff/sign-in')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  assert.equal((await submitForm(page, page.getByRole('button', { name: 'Continue' }), '/staff/sign-in')).status(), 303)
  await page.getByLabel('Enter the code from your authenticator app').fill(totp(secret, step + 1))
  assert.equal((await submitForm(page, page.getByRole('button', { name: 'Continue' }), '/staff/sign-in/code')).status(), 303)
}

test('staff see what a report for someone else says about that person, and why it is high', async () => {
  const { context, page } = await openFlowPage(true)
  try {
    const unaware = FOR_OTHER.map(([slug, a]) => [slug, slug === 'their-name' ? { text: 'Robin Example' } : a])
    await answerAll(page, unaware)
    await waitForScripts(page)
    await send(page)
    const reference = (await page.locator('.app-reference').innerText()).trim()
    await context.clearCookies()

    await staffSignedIn(page, 'flo@northshire.example')
    await page.goto(svc.server.url + '/staff/reports')
    await page.getByRole('link', { name: reference }).click()
    await page.waitForURL((u) => /\/staff\/reports\/\d+$/.test(u.pathname))
    const about = await page.locator('[data-victim] .govuk-summary-list__value').allInnerTexts()
    assert.deepEqual(about.map((t) => t.trim()), ['Robin Example', 'I am a friend', 'No', 'No'])
    assert.match(await page.locator('main').innerText(),
      /The victim does not know about the report and cannot be contacted safely/)
    await waitForScripts(page)
    const violations = await runAxe(page)
    assert.equal(violations.length, 0, formatViolations('the case page', violations))
  } finally {
    await context.close()
  }
})
