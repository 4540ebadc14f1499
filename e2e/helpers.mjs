import { createHmac } from 'node:crypto'
// Shared helpers for the real-browser tests (node:test + playwright-core + axe-core).
//
// Nothing here sleeps: we wait for process output, for Playwright's own navigation/DOM waits,
// or for events.

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'
import { after, before } from 'node:test'

import { chromium } from 'playwright-core'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const STARTUP_TIMEOUT_MS = 30_000
const SETPRIV = '/usr/bin/setpriv'

// ---------------------------------------------------------------------------------------------
// The service under test

/**
 * Start `saferstreets serve` on a free port with a fresh data directory and database.
 * Returns `{ url, origin, dataDir, stop, stderr }` (the database is `dataDir/db.sqlite`);
 * `stop()` sends SIGTERM and removes the directory. `env` adds settings (e.g. proof of work).
 *
 * A browser test moves through a form faster than a person and sends many forms from one
 * address, so the minimum fill time and the rate limits are off unless `env` sets them; the
 * Rust tests (tests/integration/abuse.rs) cover both.
 */
export async function startServer ({ exitUrl, env: extra = {} }) {
  const bin = process.env.SAFERSTREETS_BIN || path.join(ROOT, 'target', 'debug', 'saferstreets')
  const dir = mkdtempSync(path.join(os.tmpdir(), 'saferstreets-e2e-'))

  // Hermetic: no SAFERSTREETS_* settings leak in from the caller's environment.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('SAFERSTREETS_') && k !== 'RUST_LOG')
  )
  Object.assign(env, {
    SAFERSTREETS_DATA_DIR: dir,
    SAFERSTREETS_KEYS_DIR: path.join(dir, 'keys'),
    SAFERSTREETS_EXIT_URL: exitUrl,
    SAFERSTREETS_MIN_FILL_SECONDS: '0',
    SAFERSTREETS_RATE_LIMITS: 'false',
    RUST_LOG: 'warn'
  }, extra)

  const args = ['serve', '--listen', '127.0.0.1:0', '--database-url', `sqlite://${dir}/db.sqlite`]
  // If the test process is killed outright (SIGKILL, so no `after()` and no 'exit' event), let
  // the kernel stop the server too rather than leave it running (Linux, util-linux setpriv).
  const [command, commandArgs] = existsSync(SETPRIV)
    ? [SETPRIV, ['--pdeathsig', 'KILL', '--', bin, ...args]]
    : [bin, args]
  const child = spawn(command, commandArgs, { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })

  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk) => {
    if (stderr.length < 64_000) stderr += chunk
  })

  const cleanup = () => rmSync(dir, { recursive: true, force: true })
  // Safety net if the test process ends without running `after()` (crash, broken pipe...).
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    cleanup()
  }
  process.once('exit', onExit)
  const stop = async () => {
    process.removeListener('exit', onExit)
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    }
    cleanup()
  }

  try {
    const url = await new Promise((resolve, reject) => {
      const lines = createInterface({ input: child.stdout })
      const timer = setTimeout(
        () => reject(new Error(`server did not report its address within ${STARTUP_TIMEOUT_MS} ms`)),
        STARTUP_TIMEOUT_MS
      )
      child.once('error', (e) => { clearTimeout(timer); reject(e) })
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        reject(new Error(`server exited early (code ${code}, signal ${signal})`))
      })
      // Only the first line matters; the interface keeps draining stdout afterwards.
      lines.once('line', (line) => {
        clearTimeout(timer)
        const m = /saferstreets listening on (http:\/\/\S+)/.exec(line)
        if (m) resolve(m[1].replace(/\/$/, ''))
        else reject(new Error(`unexpected first line from server: ${JSON.stringify(line)}`))
      })
    })
    return { url, origin: new URL(url).origin, dataDir: dir, stop, stderr: () => stderr }
  } catch (e) {
    await stop()
    e.message += `\nbinary: ${bin}\nstderr:\n${stderr}`
    throw e
  }
}

// ---------------------------------------------------------------------------------------------
// The neutral site the quick exit leads to (a different origin)

export const NEUTRAL_TITLE = 'Weather forecast'

/**
 * A tiny HTTP server that answers every GET with a page titled "Weather forecast".
 * Returns `{ url, origin, requests, close }`; `requests` records `{ url, headers }`.
 */
export async function startNeutralSite () {
  const requests = []
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url, headers: { ...req.headers } })
    if (req.url === '/favicon.ico') {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${NEUTRAL_TITLE}</title></head>` +
      `<body><h1>${NEUTRAL_TITLE}</h1><p>Sunny spells and light winds.</p></body></html>`)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address()
  const url = `http://127.0.0.1:${port}/`
  return {
    url,
    origin: new URL(url).origin,
    requests,
    close: async () => {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The browser

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'
]

/**
 * Launch Debian's Chromium with a fresh profile that is deleted on close.
 *
 * Playwright refuses `--user-data-dir` in `launch()` (it always creates its own
 * `playwright_chromiumdev_profile-*` dir in os.tmpdir()). So we point TMPDIR at a fresh directory
 * of ours while launching: the profile and artifacts land inside it, and `close()` removes it
 * whatever Playwright managed to clean up. Contexts made with `browser.newContext()` are
 * isolated from each other (separate cookie jars and storage).
 *
 * Returns `{ browser, close }`.
 */
export async function launchBrowser () {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  const base = mkdtempSync(path.join(os.tmpdir(), 'saferstreets-e2e-browser-'))
  const removeBase = () => rmSync(base, { recursive: true, force: true })
  process.once('exit', removeBase)

  const savedTmp = process.env.TMPDIR
  process.env.TMPDIR = base
  let browser
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS })
  } catch (e) {
    removeBase()
    throw e
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = savedTmp
  }
  return {
    browser,
    tmpDir: base,
    close: async () => {
      try {
        await browser.close()
      } finally {
        removeBase()
        process.removeListener('exit', removeBase)
      }
    }
  }
}

/** Wait until app.js has loaded GOV.UK Frontend and started its components (JS on only). */
export async function waitForScripts (page) {
  await page.waitForFunction(
    () => document.body && document.body.classList.contains('govuk-frontend-supported'),
    null,
    { timeout: 10_000 }
  )
}

// ---------------------------------------------------------------------------------------------
// The services of one test file

/**
 * Start, for the test file that calls this, the neutral site the quick exit goes to, the
 * service (told to exit there) and Chromium, before its first test; stop them after its last.
 * Returns an object whose `neutral`, `server` and `browser` are set once they have started.
 * `env` adds settings for the service; `afterStart(services)` is awaited once all three run.
 */
export function useServices ({ env, afterStart } = {}) {
  const services = { neutral: null, server: null, browser: null }
  let handle
  before(async () => {
    services.neutral = await startNeutralSite()
    services.server = await startServer({ exitUrl: services.neutral.url, env })
    handle = await launchBrowser()
    services.browser = handle.browser
    if (afterStart) await afterStart(services)
  })
  after(async () => {
    await handle?.close()
    await services.server?.stop()
    await services.neutral?.close()
  })
  return services
}

/** Waits longer than this fail: long enough for a slow CI machine, short enough to fail fast. */
export const DEFAULT_TIMEOUT_MS = 15_000

/** A fresh, isolated browser context (its own cookies and storage) and a page in it. */
export async function openPage (browser, options = {}) {
  const context = await browser.newContext(options)
  context.setDefaultTimeout(DEFAULT_TIMEOUT_MS)
  return { context, page: await context.newPage() }
}

/**
 * Collects what the pages of the contexts it records asked for and any console error or
 * uncaught exception, for a last test to check. `expected(message)` says which console errors
 * are part of a test (e.g. the 422 of a form sent back with errors).
 */
export class Recorder {
  constructor ({ expected = () => false } = {}) {
    this.requests = []
    this.problems = []
    this.pages = new Set()
    this.expected = expected
  }

  record (context, label) {
    context.on('request', (r) => {
      this.requests.push({ url: r.url(), method: r.method(), label })
    })
    context.on('response', (r) => {
      if (r.request().isNavigationRequest()) this.pages.add(new URL(r.url()).pathname)
    })
    context.on('console', (m) => {
      if (m.type() === 'error' && !this.expected(m)) {
        this.problems.push(`console error (${label}) on ${m.page()?.url()}: ${m.text()}`)
      }
    })
    context.on('weberror', (e) => {
      this.problems.push(`uncaught exception (${label}) on ${e.page()?.url()}: ${e.error().message}`)
    })
  }
}

/**
 * Log every Content-Security-Policy violation of `context` as a console error. The listener is
 * added through the DevTools protocol before any page script, so our CSP does not block it.
 */
export async function logCspViolations (context) {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ` +
        `at ${e.sourceFile || '?'}:${e.lineNumber || '?'}`)
    })
  })
}

// ---------------------------------------------------------------------------------------------
// Accessibility

let axeSource
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * Run axe-core on the page. The script is evaluated through the DevTools protocol (our CSP
 * forbids inline scripts, so no addScriptTag). Returns the violations, each with a `summary`
 * string fit for an assertion message.
 */
export async function runAxe (page) {
  axeSource ??= readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')
  const loaded = await page.evaluate(() => typeof window.axe === 'object')
  if (!loaded) await page.evaluate(axeSource)
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      tags: v.tags,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String),
        html: n.html,
        failureSummary: n.failureSummary
      }))
    }))
  }, AXE_TAGS)
  for (const v of violations) {
    v.summary = `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
      v.nodes.map((n) =>
        `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 300)}\n` +
        `      ${(n.failureSummary || '').replace(/\n/g, '\n      ')}`
      ).join('\n')
  }
  return violations
}

/** Format violations of a page for an assertion message. */
export function formatViolations (where, violations) {
  return `${violations.length} axe violation(s) on ${where}:\n` +
    violations.map((v) => v.summary).join('\n')
}

// ---------------------------------------------------------------------------------------------
// Crawling

const MAX_PAGES = 200

// `?from=` only says which page a feedback link came from; treat those as one page.
function pageKey (url) {
  const params = [...url.searchParams.entries()]
    .map(([k, v]) => (k === 'from' ? [k, ''] : [k, v]))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return url.pathname + (params.length ? '?' + new URLSearchParams(params) : '')
}

/**
 * Visit every page reachable from `/` through same-origin `<a href>` links (skipping `/exit`,
 * the language switcher and `/assets/`, ignoring `#fragments`, treating `?from=` variants as
 * one page).
 * `onPage(page, { url, status })` is awaited after each page loads.
 * Returns `[{ url, path, status, from }]` in visiting order.
 */
export async function crawl (page, base, { onPage } = {}) {
  const origin = new URL(base).origin
  const start = new URL('/', base)
  const queue = [{ url: start.href, from: null }]
  const seen = new Set([pageKey(start)])
  const visited = []

  while (queue.length > 0) {
    if (visited.length >= MAX_PAGES) throw new Error(`crawl stopped after ${MAX_PAGES} pages`)
    const { url, from } = queue.shift()
    const response = await page.goto(url)
    const status = response ? response.status() : 0
    const entry = { url, path: new URL(url).pathname + new URL(url).search, status, from }
    visited.push(entry)
    if (onPage) await onPage(page, entry)

    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.href))
    for (const href of hrefs) {
      let link
      try { link = new URL(href) } catch { continue }
      if (link.origin !== origin) continue
      // The language switcher would turn the rest of the crawl Welsh (welsh.test.mjs walks those).
      if (link.pathname === '/exit' || link.pathname === '/language' || link.pathname.startsWith('/assets/')) continue
      link.hash = ''
      const key = pageKey(link)
      if (seen.has(key)) continue
      seen.add(key)
      queue.push({ url: link.href, from: url })
    }
  }
  return visited
}

// ---------------------------------------------------------------------------------------------
// Forms

/**
 * Click a submit button and return the response to the form's POST (before any redirect is
 * followed), so a refused form fails fast with its status instead of a navigation timeout.
 */
export async function submitForm (page, button, action) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === action),
    button.click()
  ])
  await page.waitForLoadState('load')
  return response
}

/** A readable description of the current page for assertion messages. */
export async function describePage (page) {
  return `${page.url()} (title: ${JSON.stringify(await page.title())})`
}

// ---------------------------------------------------------------------------------------------
// Question pages, answered the way a person would: clicking labels and typing

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A pattern matching exactly `text`, give or take surrounding white space. */
export const exactly = (text) => new RegExp(`^\\s*${escapeRe(text)}\\s*$`)

/** Click the label of a radio or checkbox, and check that it took. */
export async function pick (page, role, label) {
  const cls = role === 'radio' ? 'govuk-radios__label' : 'govuk-checkboxes__label'
  await page.locator(`label.${cls}`).filter({ hasText: exactly(label) }).click()
  const input = page.getByRole(role, { name: label, exact: true })
  assert.equal(await input.isChecked(), true, `"${label}" should be ${role === 'radio' ? 'selected' : 'ticked'}`)
}

/** Click into a field, clear what is there with the keyboard, and type `text`. */
export async function typeInto (page, selector, text) {
  const field = page.locator(selector)
  await field.click()
  if ((await field.inputValue()) !== '') {
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.press('Backspace')
  }
  if (text) await page.keyboard.type(text)
  assert.equal(await field.inputValue(), text, `${selector} should hold what was typed`)
}

/**
 * Answer the question on the page: `{ radio, check: [...], other, text, date: { day, month,
 * year }, postcode, address }`, each part optional.
 */
export async function answer (page, a) {
  if (a.radio) await pick(page, 'radio', a.radio)
  for (const label of a.check ?? []) await pick(page, 'checkbox', label)
  if (a.other !== undefined) await typeInto(page, '#other', a.other)
  if (a.text !== undefined) await typeInto(page, '#answer', a.text)
  for (const part of ['day', 'month', 'year']) {
    if (a.date?.[part] !== undefined) await typeInto(page, `#${part}`, a.date[part])
  }
  if (a.postcode !== undefined) await typeInto(page, '#postcode', a.postcode)
  if (a.address !== undefined) await typeInto(page, '#address', a.address)
}

/** The response to the next POST to `pathname`. */
export const waitForPost = (page, pathname) => page.waitForResponse(
  (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === pathname
)

/** The error summary's text, for assertion messages. */
export async function errorSummary (page) {
  const summary = page.locator('.govuk-error-summary')
  return (await summary.count()) ? (await summary.innerText()).replace(/\s+/g, ' ') : '(no error summary)'
}

/**
 * The question pages of the form at `base`: `url(slug)`, and `continueTo` / `continueExpectingError`,
 * which click Continue on question `slug`.
 */
export function questionPages (base) {
  const url = (slug) => `${base}/${slug}`
  return {
    url,
    /** Click Continue and wait for the page it leads to (`next`: path + query). */
    async continueTo (page, slug, next) {
      const [response] = await Promise.all([
        waitForPost(page, url(slug)),
        page.getByRole('button', { name: 'Continue' }).click()
      ])
      if (response.status() !== 303) {
        await page.waitForLoadState('load')
        assert.fail(`${slug}: expected 303 onwards, got ${response.status()}: ${await errorSummary(page)}`)
      }
      await page.waitForURL((u) => u.pathname + u.search === next)
    },
    /** Click Continue expecting the page back with an error (422); returns the summary's links. */
    async continueExpectingError (page, slug) {
      const [response] = await Promise.all([
        waitForPost(page, url(slug)),
        page.getByRole('button', { name: 'Continue' }).click()
      ])
      assert.equal(response.status(), 422, `${slug}: expected the page back with an error; ${await describePage(page)}`)
      await page.locator('.govuk-error-summary').waitFor()
      await page.waitForLoadState('load')
      assert.match(await page.title(), /^Error: /, `${slug}: the title should start with "Error: "`)
      const links = await page.locator('.govuk-error-summary__list a').allInnerTexts()
      assert.ok(links.length >= 1, `${slug}: the summary should list the problem`)
      return links
    }
  }
}

function base32 (text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0')
  }
  const bytes = []
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2))
  return Buffer.from(bytes)
}

/** The RFC 6238 code (SHA-1, 6 digits, 30 s) of `secret` for time step `step`. */
export function totp (secret, step) {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(step))
  const h = createHmac('sha1', base32(secret)).update(counter).digest()
  const offset = h[h.length - 1] & 0xf
  return String((h.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}

/**
 * The stalking report's questions about what is happening, from "what is happening" to
 * "where", answered with nothing high-risk (no interruption card): the middle of a report
 * for yourself or for someone else, for tests that need to get past it.
 */
export const ABOUT_IT = [
  ['what-is-happening', { check: ['Following'] }],
  ['more-than-once', { radio: 'Yes' }],
  ['when-it-started', { date: { month: '3', year: '2025' } }],
  ['how-often', { radio: 'About once a week' }],
  ['getting-worse', { radio: 'No' }],
  ['who-is-doing-it', { radio: 'A stranger' }],
  ['describe-them', { text: '' }],
  ['threats', { radio: 'No' }],
  ['afraid', { radio: 'No' }],
  ['weapons', { radio: 'No' }],
  ['where', { radio: 'In person only' }]
]
