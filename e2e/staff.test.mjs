// The staff back office in a real browser: an admin made on the command line follows the
// set-up link, chooses a password, enrols an authenticator (the code computed here from the
// key shown on the page, RFC 6238), signs in with a code, adds an investigator and an analyst;
// the investigator works a report in the queue and finds one by its reference; the analyst
// uses the hotspot dashboard (map, filters, charts) and reads what people wrote about places.
// Refusals are staff pages, dates are GOV.UK date inputs, and staff pages work on a 390 px
// phone. axe runs on every staff page and error state, and no request leaves our origin.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, test } from 'node:test'

import {
  ROOT, describePage, formatViolations, runAxe, submitForm, useServices, waitForScripts, totp
} from './helpers.mjs'

const PASSWORD = 'violet kettle marching 7'
const requests = []
const checked = new Set()

function cli (...args) {
  const bin = process.env.SAFERSTREETS_BIN || path.join(ROOT, 'target', 'debug', 'saferstreets')
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('SAFERSTREETS_'))
  )
  env.SAFERSTREETS_DATA_DIR = svc.server.dataDir
  env.SAFERSTREETS_KEYS_DIR = path.join(svc.server.dataDir, 'keys')
  return execFileSync(bin, [...args, '--database-url', `sqlite://${svc.server.dataDir}/db.sqlite`], { env, encoding: 'utf8' })
}

const svc = useServices({
  afterStart: () => cli('demo-data', '--place-reports', '0', '--stalking-reports', '6')
})

/** The set-up link in a command's or page's text, on the test server's origin. */
function linkIn (text) {
  const m = /https?:\/\/[^/\s]+(\/staff\/setup\/[0-9a-f]+)/.exec(text)
  assert.ok(m, `no set-up link in ${text}`)
  return svc.server.url + m[1]
}


const nowStep = () => Math.floor(Date.now() / 30_000)

async function axe (page, label) {
  await waitForScripts(page)
  const violations = await runAxe(page)
  assert.equal(violations.length, 0, formatViolations(`${label} ${await describePage(page)}`, violations))
  checked.add(new URL(page.url()).pathname.replace(/\/\d+$/, '/{id}').replace(/\/setup\/[0-9a-f]+$/, '/setup/{token}'))
}

/** A GET form's answer: click `button` and wait for the page it loads. */
async function submitGet (page, button, pathname) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === pathname),
    button.click()
  ])
  await page.waitForLoadState('load')
  return response
}

/**
 * The pages at `paths` on a 390 px phone: no page-level sideways scroll, every table inside a
 * focusable scroll region, axe at 0.
 */
async function onPhone (page, paths) {
  await page.setViewportSize({ width: 390, height: 844 })
  for (const p of paths) {
    await page.goto(svc.server.url + p)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 0, `${p} scrolls sideways by ${overflow} px at 390 px`)
    const tables = await page.locator('table.govuk-table').count()
    const held = await page.locator('[role=region][tabindex="0"][aria-label] > table.govuk-table').count()
    assert.equal(held, tables, `${p}: every table is in a focusable scroll region`)
    await axe(page, `${p} at 390 px`)
  }
  await page.setViewportSize({ width: 1280, height: 720 })
}

async function newPage () {
  const context = await svc.browser.newContext()
  context.on('request', (r) => requests.push(r.url()))
  return context.newPage()
}

/** Follow a set-up link to the end; the next unused time step for signing in. */
async function setUp (page, link) {
  await page.goto(link)
  assert.match(page.url(), /\/staff\/setup$/)
  await axe(page, 'choose a password')
  await page.getByLabel('New password').fill('short')
  await page.getByLabel('Type the password again').fill('short')
  let response = await submitForm(page, page.getByRole('button', { name: 'Continue' }), '/staff/setup')
  assert.equal(response.status(), 422)
  await axe(page, 'password too short')
  await page.getByLabel('New password').fill(PASSWORD)
  await page.getByLabel('Type the password again').fill(PASSWORD)
  response = await submitForm(page, page.getByRole('button', { name: 'Continue' }), '/staff/setup')
  assert.equal(response.status(), 303)
  assert.match(page.url(), /\/staff\/setup\/authenticator$/)
  await axe(page, 'authenticator')
  assert.equal(await page.locator('.app-qr-box svg[role=img]').count(), 1)
  const secret = (await page.locator('[data-secret]').textContent()).trim()
  const step = nowStep()
  await page.getByLabel('Enter the code your app now shows').fill(totp(secret, step))
  response = await submitForm(page, page.getByRole('button', { name: 'Finish setting up' }), '/staff/setup/authenticator')
  assert.equal(response.status(), 303)
  return { secret, step: step + 1 }
}

async function signIn (page, email, { secret, step }) {
  await page.goto(svc.server.url + '/staff/sign-in')
  await axe(page, 'sign in')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  let response = await submitForm(page, page.getByRole('button', { name: 'Continue' }), '/staff/sign-in')
  assert.equal(response.status(), 303)
  await axe(page, 'code')
  await page.getByLabel('Enter the code from your authenticator app').fill('000000')
  response = await submitForm(page, page.getByRole('button', { name: 'Continue' }), '/staff/sign-in/code')
  assert.equal(response.status(), 422)
  await axe(page, 'wrong code')
  await page.getByLabel('Enter the code from your authenticator app').fill(totp(secret, step))
  response = await submitForm(page, page.getByRole('button', { name: 'Continue' }), '/staff/sign-in/code')
  assert.equal(response.status(), 303)
}

describe('staff back office', () => {
  let investigatorLink, analystLink

  test('an admin sets up with a password and an authenticator, signs in and adds users', async () => {
    const link = linkIn(cli('user', 'add', '--email', 'admin@northshire.example', '--role', 'admin', '--force', 'northshire'))
    const page = await newPage()
    const admin = await setUp(page, link)
    await signIn(page, 'admin@northshire.example', admin)
    assert.match(page.url(), /\/staff$/)
    await axe(page, 'home')

    await page.getByRole('link', { name: 'Users', exact: true }).first().click()
    await axe(page, 'users')
    await page.getByRole('button', { name: 'Add a user' }).click()
    await axe(page, 'add a user')
    let response = await submitForm(page, page.getByRole('button', { name: 'Add user and make a set-up link' }), '/staff/users/new')
    assert.equal(response.status(), 422)
    await axe(page, 'add a user, errors')
    for (const [email, role] of [['ivy@northshire.example', 'Investigator'], ['ana@northshire.example', 'Analyst']]) {
      await page.goto(svc.server.url + '/staff/users/new')
      await page.getByLabel('Email address').fill(email)
      await page.getByLabel(role, { exact: true }).check()
      response = await submitForm(page, page.getByRole('button', { name: 'Add user and make a set-up link' }), '/staff/users/new')
      assert.equal(response.status(), 200)
      await axe(page, 'set-up link')
      const text = await page.locator('[data-setup-link]').textContent()
      if (role === 'Investigator') investigatorLink = linkIn(text)
      else analystLink = linkIn(text)
    }
    await page.goto(svc.server.url + '/staff/users')
    await page.getByRole('link', { name: 'ivy@northshire.example' }).click()
    await axe(page, 'one user')
    await page.goto(svc.server.url + '/staff/audit')
    await axe(page, 'audit log')
    assert.ok((await page.locator('[data-audit] tbody tr').count()) > 3)
    await page.getByRole('link', { name: 'Feedback', exact: true }).first().click()
    await page.waitForLoadState('load')
    assert.match(await page.locator('[data-retention]').textContent(), /deleted \d+ days after/)
    await axe(page, 'feedback')
    await onPhone(page, ['/staff/audit', '/staff/users', '/staff/feedback'])
    await page.getByRole('link', { name: 'Alerts', exact: true }).first().click()
    await page.waitForLoadState('load')
    await axe(page, 'alerts')
    assert.match(await page.locator('h1').textContent(), /Alerts not delivered/)
    await page.context().close()
  })

  test('an investigator works a report from the queue', async () => {
    assert.ok(investigatorLink, 'set by the admin test')
    const page = await newPage()
    const codes = await setUp(page, investigatorLink)
    await signIn(page, 'ivy@northshire.example', codes)
    await page.getByRole('link', { name: 'Stalking reports' }).first().click()
    await axe(page, 'queue')
    const rows = page.locator('[data-queue] tbody tr')
    assert.equal(await rows.count(), 6)
    await page.getByLabel('Priority').selectOption('urgent')
    await page.getByRole('button', { name: 'Show reports' }).click()
    await page.waitForLoadState('load')
    await axe(page, 'queue, filtered')
    await page.goto(svc.server.url + '/staff/reports')
    await rows.first().getByRole('link').click()
    await axe(page, 'report')
    assert.match(await page.locator('[data-contact]').textContent(), /07700 900\d{3}/)
    await page.getByLabel('Triaged').check()
    await page.getByLabel('Note').fill('Rang back; safe to call mornings.')
    const response = await submitForm(page, page.getByRole('button', { name: 'Save' }), new URL(page.url()).pathname)
    assert.equal(response.status(), 303)
    assert.match(await page.locator('table').last().textContent(), /Rang back; safe to call mornings\./)
    await axe(page, 'report after an update')
    const caseUrl = new URL(page.url()).pathname

    // Find a report by the reference a victim reads out: any case, without its dashes.
    await page.goto(svc.server.url + '/staff/reports')
    const reference = (await rows.first().getByRole('link').textContent()).trim()
    const search = page.getByLabel('Find a report by its reference')
    await search.fill(reference.replace(/-/g, '').toLowerCase())
    let found = await submitGet(page, page.getByRole('button', { name: 'Find report' }), '/staff/reports/find')
    assert.equal(found.status(), 303)
    assert.match(page.url(), /\/staff\/reports\/\d+$/)
    await page.goto(svc.server.url + '/staff/reports')
    await search.fill((reference[0] === '7' ? 'K' : '7') + reference.slice(1))
    found = await submitGet(page, page.getByRole('button', { name: 'Find report' }), '/staff/reports/find')
    assert.equal(found.status(), 422)
    assert.match(await page.locator('.govuk-error-summary').textContent(), /That is not a valid reference/)
    await axe(page, 'find, a mistyped reference')
    await page.locator('.govuk-error-summary a[href="#reference"]').click()
    assert.equal(await page.evaluate(() => document.activeElement.id), 'reference')

    // Dates are typed as day, month and year, and checked the GOV.UK way.
    await page.goto(svc.server.url + '/staff/reports')
    assert.equal(await page.locator('input[type=date]').count(), 0)
    await page.locator('#from-day').fill('31')
    await page.locator('#from-month').fill('2')
    await page.locator('#from-year').fill('2026')
    const filtered = await submitGet(page, page.getByRole('button', { name: 'Show reports' }), '/staff/reports')
    assert.equal(filtered.status(), 422)
    assert.match(await page.locator('.govuk-error-summary').textContent(), /The ‘from’ date must be a real date/)
    await axe(page, 'queue, a date that does not exist')

    // A page for other roles is refused with a staff page that says who you are.
    const refused = await page.goto(svc.server.url + '/staff/audit')
    assert.equal(refused.status(), 403)
    assert.equal((await page.locator('h1').textContent()).trim(), 'You do not have access to this page')
    assert.match(await page.locator('[data-role]').textContent(), /Investigator/)
    assert.equal(await page.locator('[data-quick-exit], .govuk-cookie-banner').count(), 0)
    await axe(page, 'refused')
    await onPhone(page, ['/staff/reports', caseUrl])
    // Signing out leaves no way back in with the browser's Back button.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click()
    await page.waitForLoadState('load')
    assert.match(page.url(), /\/staff\/sign-in\?done=signed-out$/)
    await axe(page, 'signed out')
    await page.goto(svc.server.url + '/staff/reports')
    assert.match(page.url(), /\/staff\/sign-in\?next=/)
    await page.context().close()
  })

  // The demo gazetteer (src/geo/demo.rs).
  const DEMO_PLACES = ['Millbrook Park', 'Millbrook Station', 'Old Tannery Lane', 'Harrowgate Retail Park',
    'Kestrel Way Underpass', 'Bramwell Canal Towpath', 'Bramwell Bus Station', "St Aldric's Churchyard",
    'Ferncliffe Woods', 'Ashby Moor Car Park', 'Quarry Hill Subway', 'Northshire General Hospital',
    'Wrenfield Leisure Centre', 'The Stonegate Multi-storey', 'Riverside Walk', 'Low Moor Footbridge']

  test('an analyst sees hotspots on the map, filters them and reads the charts', async () => {
    assert.ok(analystLink, 'set by the admin test')
    const page = await newPage()
    const codes = await setUp(page, analystLink)
    await signIn(page, 'ana@northshire.example', codes)
    await page.getByRole('link', { name: 'Unsafe places' }).first().click()
    await page.locator('[data-staff-map][data-ready=true]').waitFor({ timeout: 15_000 })
    const drawn = await page.locator('[data-staff-map] path.leaflet-interactive').count()
    assert.ok(drawn > 0, 'hexagons drawn on the map')
    // Under the hexagons: streets from our own tiles and the force boundary.
    await page.locator('[data-staff-map-canvas][data-basemap="drawn"]').waitFor({ timeout: 15_000 })
    await page.locator('[data-staff-map-canvas][data-boundary="1"]').waitFor({ timeout: 15_000 })
    assert.equal(await page.locator('[data-staff-map] path.app-map__boundary').count(), 1, 'the force boundary is drawn')
    assert.ok((await page.locator('[data-staff-map] canvas.leaflet-tile').count()) > 0, 'street tiles drawn')
    // Hotspots are named by their nearest gazetteer place: in the table and on the map.
    const near = await page.locator('[data-top] [data-near]').allInnerTexts()
    assert.ok(near.length > 0, 'the top hotspots name a place')
    for (const name of near) assert.ok(DEMO_PLACES.includes(name), `${name} is a demo gazetteer place`)
    await page.locator('[data-staff-map] path.leaflet-interactive').first().hover()
    const tooltip = await page.locator('.leaflet-tooltip').first().innerText()
    assert.ok(DEMO_PLACES.some((p) => tooltip.startsWith(p)), `the map's label names a place: ${tooltip}`)
    assert.equal(await page.locator('[data-chart] svg[role=img]').count(), 3)
    assert.ok((await page.locator('[data-top] tbody tr').count()) > 0)
    await axe(page, 'dashboard')
    await page.getByLabel('Badly lit', { exact: true }).check()
    await page.getByLabel('9pm to midnight').check()
    await page.getByRole('button', { name: 'Show reports' }).click()
    await page.waitForLoadState('load')
    assert.match(page.url(), /reasons=lighting/)
    await page.locator('[data-staff-map][data-ready=true]').waitFor({ timeout: 15_000 })
    await axe(page, 'dashboard, filtered')

    await page.getByRole('link', { name: 'Place comments' }).first().click()
    await page.waitForLoadState('load')
    assert.ok((await page.locator('[data-comments] tbody tr').count()) > 0)
    await axe(page, 'place comments')
    await page.getByLabel('Described only').check()
    await page.getByLabel('Only reports with something written').check()
    let response = await submitGet(page, page.getByRole('button', { name: 'Show reports' }), '/staff/places/comments')
    assert.equal(response.status(), 200)
    assert.match(page.url(), /located=described/)
    await axe(page, 'place comments, filtered')
    await page.locator('#to-day').fill('1')
    await page.locator('#to-month').fill('13')
    await page.locator('#to-year').fill('2026')
    response = await submitGet(page, page.getByRole('button', { name: 'Show reports' }), '/staff/places/comments')
    assert.equal(response.status(), 422)
    await axe(page, 'place comments, a date that does not exist')
    await onPhone(page, ['/staff/places', '/staff/places/comments'])
    await page.context().close()
  })

  test('every staff page was checked with axe and nothing left our origin', () => {
    for (const p of ['/staff', '/staff/sign-in', '/staff/sign-in/code', '/staff/setup', '/staff/setup/authenticator',
      '/staff/users', '/staff/users/new', '/staff/users/{id}', '/staff/audit', '/staff/alerts', '/staff/reports', '/staff/reports/{id}',
      '/staff/places', '/staff/places/comments', '/staff/feedback', '/staff/reports/find']) {
      assert.ok(checked.has(p), `axe did not run on ${p}: ${[...checked].join(', ')}`)
    }
    const foreign = requests.filter((u) => !u.startsWith(svc.server.origin) && !u.startsWith('data:'))
    assert.deepEqual(foreign, [])
  })
})
