// The online stalking report (/report-stalking) in a real browser: the named flow with
// JavaScript, the anonymous flow without, axe on every page and error state, quick exit in the
// middle of the flow, a double click on "Send report", and no request to anyone else.
//
// The answer sets mirror NAMED_BY_PHONE and ANONYMOUS_FOR_OTHER in
// tests/integration/report_stalking.rs, entered the way a person would: clicking labels and
// typing with the keyboard.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, test } from 'node:test'

import {
  NEUTRAL_TITLE, answer, describePage, formatViolations, openPage, questionPages, Recorder, runAxe,
  useServices, waitForPost, waitForScripts
} from './helpers.mjs'

const svc = useServices()

const BASE = '/report-stalking'
const { url, continueTo, continueExpectingError } = questionPages(BASE)
const REFERENCE = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}$/
const CANARY = 'CANARY narrative text'

// ---------------------------------------------------------------------------------------------
// Answers, as a visitor gives them. `radio`/`check` are label texts; `text` goes in #answer.

/** A named report by the victim, to be contacted by phone (NAMED_BY_PHONE). */
const NAMED_BY_PHONE = [
  ['danger', { radio: 'No' }],
  ['who-for', { radio: 'Myself' }],
  ['what-is-happening', {
    check: ['Following', 'Tracking with a device or app', 'Something else'],
    other: 'Sends parcels'
  }],
  ['more-than-once', { radio: 'Yes' }],
  ['when-it-started', { date: { month: '3', year: '2025' } }],
  ['how-often', { radio: 'Every day' }],
  ['getting-worse', { radio: 'Yes' }],
  ['who-is-doing-it', { radio: 'An ex-partner' }],
  ['describe-them', { text: 'Tall, drives a red van' }],
  ['threats', { radio: 'Yes' }],
  ['afraid', { radio: 'Yes' }],
  ['weapons', { radio: 'No' }],
  ['where', { radio: 'Both online and in person' }],
  ['what-happened', { text: 'He waits outside my work every evening.' }],
  ['evidence', { check: ['Messages, emails or call records', 'A diary or notes of what happened'] }],
  ['your-name-or-anonymous', { radio: 'Yes, give my name and contact details' }],
  ['name', { text: 'Alex Example' }],
  ['date-of-birth', { date: { day: '27', month: '3', year: '1990' } }],
  ['address', { postcode: 'sw1a 1aa', address: '1 Example Street' }],
  ['contact', { radio: 'By phone' }],
  ['phone', { text: '07700 900982' }],
  ['safe-times', { text: 'Weekdays 9 to 12' }],
  ['leave-message', { radio: 'No' }],
  ['do-not-contact', { text: '' }]
]

/** An anonymous report for someone else (ANONYMOUS_FOR_OTHER; a start date safely past). */
const ANONYMOUS_FOR_OTHER = [
  ['danger', { radio: 'No' }],
  ['who-for', { radio: 'Someone else' }],
  ['their-name', { text: 'Sam Sister' }],
  ['your-relationship-to-them', { radio: 'I am a family member' }],
  ['do-they-know', { radio: 'No' }],
  ['safe-to-contact-them', { radio: 'Yes' }],
  ['how-to-contact-them', { radio: 'By phone' }],
  ['their-phone', { text: '07700 900123' }],
  ['what-is-happening', { check: ['Unwanted calls, messages or letters'] }],
  ['more-than-once', { radio: "I'm not sure" }],
  ['when-it-started', { date: { day: '1', month: '10', year: '2025' } }],
  ['how-often', { radio: 'About once a week' }],
  ['getting-worse', { radio: 'No' }],
  ['who-is-doing-it', { radio: 'A stranger' }],
  ['describe-them', { text: '' }],
  ['threats', { radio: 'No' }],
  ['afraid', { radio: "I'm not sure" }],
  ['weapons', { radio: "I'm not sure" }],
  ['where', { radio: 'Online only' }],
  ['what-happened', { text: 'Messages to my sister from new accounts.' }],
  ['evidence', { check: ['I do not have any evidence'] }],
  ['your-name-or-anonymous', { radio: 'No, report anonymously' }]
]

/** Pages where an empty answer is valid: the error state is reached by typing one too many. */
const TOO_LONG = { 'their-name': 100, 'describe-them': 1000, 'safe-times': 200, 'do-not-contact': 500 }

/** Answers that bring the interruption card after the risk questions. */
const HIGH_RISK = new Set(['threats', 'afraid', 'weapons'])
const isHighRisk = (steps) => steps.some(([slug, a]) => HIGH_RISK.has(slug) && a.radio === 'Yes')

// ---------------------------------------------------------------------------------------------
// Recording requests, console errors (checked by the last test)

const recorded = new Recorder({
  // A form sent back with errors has status 422, which Chromium logs; that is expected. So is
  // the 403 of a send from a check page older than the session (the double-click test).
  expected: (m) => /status of 422/.test(m.text()) ||
    (/status of 403/.test(m.text()) && new URL(m.page()?.url() ?? 'about:blank').pathname === url('check'))
})

async function newContext (label, options = {}) {
  const opened = await openPage(svc.browser, options)
  if (label) recorded.record(opened.context, label)
  return opened
}

/** From the start page, click "Start now". */
async function start (page) {
  await page.goto(svc.server.url + BASE)
  await page.getByRole('button', { name: 'Start now' }).click()
  await page.waitForURL((u) => u.pathname === url('danger'))
}

/**
 * Answer `steps` in order from the current page (which must be the first step's), checking
 * each leads to the next and the last to `end`. `onPage(slug)` is awaited on each question
 * before it is answered.
 */
async function answerAll (page, steps, { end = url('check'), onPage, onCard } = {}) {
  for (let i = 0; i < steps.length; i++) {
    const [slug, a] = steps[i]
    assert.equal(new URL(page.url()).pathname, url(slug), `expected question ${slug}; on ${await describePage(page)}`)
    if (onPage) await onPage(slug, a)
    await answer(page, a)
    const next = i + 1 < steps.length ? url(steps[i + 1][0]) : end
    if (slug === 'weapons' && isHighRisk(steps)) {
      // High-risk answers: the interruption card, then Continue goes on.
      await continueTo(page, slug, url('your-safety'))
      if (onCard) await onCard()
      await page.getByRole('button', { name: 'Continue' }).click()
      await page.waitForURL((u) => u.pathname + u.search === next)
    } else {
      await continueTo(page, slug, next)
    }
  }
}

async function summary (page) {
  return page.locator('.govuk-summary-list__row').evaluateAll((rows) => Object.fromEntries(rows.map((r) => [
    r.querySelector('.govuk-summary-list__key').textContent.trim(),
    r.querySelector('.govuk-summary-list__value').innerText.trim().replace(/\s*\n\s*/g, ' / ')
  ])))
}

async function assertOnCheckPage (page) {
  assert.equal(new URL(page.url()).pathname, url('check'), `expected the check page; on ${await describePage(page)}`)
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Check your answers before sending your report')
}

/** Click "Send report" and return the reference on the confirmation page. */
async function send (page, click = (b) => b.click()) {
  const [response] = await Promise.all([
    waitForPost(page, url('check')),
    click(page.getByRole('button', { name: 'Send report' }))
  ])
  assert.equal(response.status(), 303, 'sending should redirect to the confirmation')
  await page.waitForURL((u) => u.pathname === url('confirmation'))
  return confirmationReference(page)
}

async function confirmationReference (page) {
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Report sent')
  const refs = await page.locator('.app-reference').allInnerTexts()
  assert.equal(refs.length, 1, 'the confirmation shows one reference')
  const reference = refs[0].trim()
  assert.match(reference, REFERENCE)
  return reference
}

/** Rows in the stalking_reports table (null when the sqlite3 command is not installed). */
function reportCount () {
  const sqlite = ['/usr/bin/sqlite3', '/usr/local/bin/sqlite3'].find(existsSync)
  if (!sqlite) return null
  const out = execFileSync(sqlite, [
    '-readonly', path.join(svc.server.dataDir, 'db.sqlite'), 'SELECT COUNT(*) FROM stalking_reports;'
  ], { encoding: 'utf8' })
  return Number(out.trim())
}

async function sessionCookies (context) {
  return (await context.cookies(svc.server.url)).filter((c) => c.name.endsWith('ss_session'))
}

// ---------------------------------------------------------------------------------------------

describe('report stalking', () => {
  test('named report for yourself, JavaScript on: answer, change "How often", send', async () => {
    const { context, page } = await newContext('named, JS on')
    try {
      await start(page)
      await waitForScripts(page)
      await answerAll(page, NAMED_BY_PHONE)
      await assertOnCheckPage(page)

      let rows = await summary(page)
      assert.equal(Object.keys(rows).length, NAMED_BY_PHONE.length - 1, `every answer but the danger question: ${JSON.stringify(rows)}`)
      assert.equal(rows['How often now'], 'Every day')
      assert.equal(rows['What is happening'], 'Following / Tracking with a device or app / Something else / Sends parcels')
      assert.equal(rows['Your date of birth'], '27 March 1990')
      assert.equal(rows['Your address'], '1 Example Street / SW1A 1AA')
      assert.equal(rows['Do not speak to'], 'Not given')

      await page.getByRole('link', { name: 'Change how often now' }).click()
      await page.waitForURL((u) => u.pathname === url('how-often') && u.searchParams.get('change') === 'check')
      assert.equal(await page.getByRole('radio', { name: 'Every day', exact: true }).isChecked(), true, 'the answer given is shown')
      assert.equal(await page.locator('.govuk-back-link').getAttribute('href'), url('check'))
      await answer(page, { radio: 'A few times a week' })
      await continueTo(page, 'how-often', url('check'))
      await assertOnCheckPage(page)
      rows = await summary(page)
      assert.equal(rows['How often now'], 'A few times a week')
      assert.equal(rows['Your name'], 'Alex Example', 'other answers kept')

      await waitForScripts(page)
      await send(page)
    } finally {
      await context.close()
    }
  })

  test('anonymous report for someone else, JavaScript off', async () => {
    const { context, page } = await newContext('anonymous, JS off', { javaScriptEnabled: false })
    try {
      await start(page)
      await answerAll(page, ANONYMOUS_FOR_OTHER, {
        onPage: async (slug) => {
          if (slug === 'what-is-happening') {
            assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'What is happening to them?', 'worded for someone else')
          }
        }
      })
      await assertOnCheckPage(page)
      const rows = await summary(page)
      assert.equal(Object.keys(rows).length, ANONYMOUS_FOR_OTHER.length - 1, JSON.stringify(rows))
      assert.equal(rows['Name or anonymous'], 'No, report anonymously')
      assert.equal(rows['About the person'], 'Not given')
      assert.equal(rows['When it started'], '1 October 2025')
      assert.equal(await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')), false,
        'no script ran')
      await send(page)
    } finally {
      await context.close()
    }
  })

  test('axe: every page and every error state of the flow (JavaScript on)', async () => {
    const { context, page } = await newContext('axe')
    const failures = []
    const axe = async (where) => {
      await waitForScripts(page)
      const violations = await runAxe(page)
      if (violations.length) failures.push(formatViolations(where, violations))
    }
    // Every question page, its error state, then the answer.
    const onPage = async (slug) => {
      await axe(url(slug))
      const max = TOO_LONG[slug]
      if (max) {
        // One character too many (put in at once: typing it key by key only costs time).
        await page.locator('#answer').fill('x'.repeat(max + 1))
      }
      await continueExpectingError(page, slug)
      await axe(`${url(slug)} with ${max ? 'a too-long answer' : 'no answer'}`)
      if (slug === 'danger') {
        // The emergency page, then back to the report.
        await answer(page, { radio: 'Yes' })
        await continueTo(page, 'danger', url('emergency'))
        await axe(url('emergency'))
        await page.getByRole('link', { name: 'I am not in immediate danger' }).click()
        await page.waitForURL((u) => u.pathname === url('danger'))
      }
    }
    try {
      await page.goto(svc.server.url + BASE)
      await axe(BASE)
      await start(page)
      await answerAll(page, NAMED_BY_PHONE, { onPage, onCard: () => axe(url('your-safety')) })
      await assertOnCheckPage(page)
      await axe(url('check'))

      // The email question is only on the "By email" branch: reach it through Change.
      await page.getByRole('link', { name: 'Change safe contact' }).click()
      await page.waitForURL((u) => u.pathname === url('contact'))
      await answer(page, { radio: 'By email' })
      await continueTo(page, 'contact', `${url('email')}?change=check`)
      await onPage('email')
      await answer(page, { text: 'safe@example.org' })
      await continueTo(page, 'email', url('check'))
      await axe(`${url('check')} (after a change)`)

      await send(page)
      await axe(url('confirmation'))
      assert.ok(recorded.pages.has(url('email')))
      assert.deepEqual(failures, [], `\n${failures.join('\n\n')}`)
    } finally {
      await context.close()
    }
  })

  test('quick exit in the middle of the report deletes the draft and leaves nothing behind', async (t) => {
    const { context, page } = await newContext(null)
    try {
      const upToNarrative = NAMED_BY_PHONE.slice(0, NAMED_BY_PHONE.findIndex(([s]) => s === 'what-happened') + 1)
        .map(([slug, a]) => [slug, slug === 'what-happened' ? { text: CANARY } : a])
      await start(page)
      await answerAll(page, upToNarrative, { end: url('evidence') })
      const exited = page.url()
      const [cookie] = await sessionCookies(context)
      assert.ok(cookie, 'ss_session should be set while the report is filled in')

      await waitForScripts(page)
      await page.keyboard.press('Escape')
      await page.waitForURL((u) => u.origin === svc.neutral.origin)
      assert.equal(await page.title(), NEUTRAL_TITLE)
      assert.deepEqual(await sessionCookies(context), [], 'ss_session should be gone after the exit')

      await page.goBack()
      await page.waitForLoadState('load')
      t.diagnostic(`Back after the exit shows ${await describePage(page)}`)
      assert.notEqual(page.url(), exited, 'Back must not return to the page that was exited')
      const shown = await page.evaluate(() => document.documentElement.outerHTML +
        [...document.querySelectorAll('input, textarea')].map((e) => e.value).join('\n'))
      assert.ok(!shown.includes('CANARY'), `the narrative must not be shown after Back; on ${await describePage(page)}`)

      const response = await page.goto(svc.server.url + url('check'))
      assert.equal(new URL(page.url()).pathname, url('danger'), 'the draft is gone: the report starts again')
      assert.equal(new URL(response.request().redirectedFrom()?.url() ?? page.url()).pathname, url('check'),
        '/check should redirect')
      const cookiesNow = await sessionCookies(context)
      assert.ok(cookiesNow.every((c) => c.value !== cookie.value), 'the old ss_session must never come back')
    } finally {
      await context.close()
    }
  })

  // With JavaScript, GOV.UK Frontend's data-prevent-double-click drops the second click; without
  // it, whatever the browser sends, there must be one report. (Chromium sent one POST either way
  // when this was written; two concurrent POSTs are covered by the Rust integration test.)
  for (const js of [true, false]) {
    test(`double click on "Send report" (JavaScript ${js ? 'on' : 'off'}) sends one report with one reference`, async (t) => {
      const { context, page } = await newContext(`double click, JS ${js ? 'on' : 'off'}`, { javaScriptEnabled: js })
      try {
        await start(page)
        await answerAll(page, ANONYMOUS_FOR_OTHER)
        await assertOnCheckPage(page)
        // The same check page, kept open in another tab (as a browser may keep it in its history).
        const stale = await context.newPage()
        await stale.goto(svc.server.url + url('check'))
        await assertOnCheckPage(stale)
        if (js) await waitForScripts(page)

        const posts = []
        page.on('request', (r) => {
          if (r.method() === 'POST' && new URL(r.url()).pathname === url('check')) posts.push(r)
        })
        const before = reportCount()
        const first = await send(page, (button) => button.dblclick())
        t.diagnostic(`double click sent ${posts.length} POST(s); reference ${first}`)
        if (before !== null) assert.equal(reportCount(), before + 1, 'one report stored')
        else t.diagnostic('sqlite3 not installed: stored reports not counted')

        // The reference is shown once (issue 12): afterwards nothing on this device shows it
        // again, and nothing sent from an old page stores a second report.
        await t.test('Send again from a check page opened before sending: no second report, no reference', async () => {
          if (js) await waitForScripts(stale)
          const [response] = await Promise.all([
            waitForPost(stale, url('check')),
            stale.getByRole('button', { name: 'Send report' }).click()
          ])
          await stale.waitForLoadState('load')
          t.diagnostic(`the old page's send got ${response.status()}, then ${await describePage(stale)}`)
          assert.deepEqual(await stale.locator('.app-reference').allInnerTexts(), [], 'the reference is not shown again')
          if (before !== null) assert.equal(reportCount(), before + 1, 'still one report')
        })

        await t.test('Back from the confirmation: neither the answers nor the reference', async () => {
          await page.goBack()
          await page.waitForLoadState('load')
          t.diagnostic(`Back from the confirmation shows ${await describePage(page)}`)
          assert.notEqual(new URL(page.url()).pathname, url('check'), 'the sent answers are not shown')
          assert.deepEqual(await page.locator('.app-reference').allInnerTexts(), [], 'the reference is not shown again')
          const shown = await page.content()
          assert.ok(!shown.includes(first), 'the reference is not on the page')
          if (before !== null) assert.equal(reportCount(), before + 1, 'still one report')
        })
      } finally {
        await context.close()
      }
    })
  }

  test('no request leaves our origin during the flows; no console errors', (t) => {
    if (!recorded.pages.has(url('confirmation'))) {
      t.skip('no flow ran to the confirmation page in this run')
      return
    }
    const foreign = recorded.requests.filter(({ url: u }) => {
      const parsed = new URL(u)
      return parsed.protocol !== 'data:' && parsed.origin !== svc.server.origin
    })
    assert.deepEqual(foreign.map((r) => `${r.method} ${r.url} (${r.label})`), [], 'requests to other origins')
    assert.ok(recorded.requests.some((r) => /\/assets\/app\.[0-9a-f]{12}\.js$/.test(r.url)), 'the page script should have loaded')
    assert.deepEqual(recorded.problems, [], 'console errors or uncaught exceptions')
  })
})
