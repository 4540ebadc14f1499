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
 * Visit every page reachable from `/` through same-origin `<a href>` links (skipping `/exit`
 * and `/assets/`, ignoring `#fragments`, treating `?from=` variants as one page).
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
      if (link.pathname === '/exit' || link.pathname.startsWith('/assets/')) continue
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
