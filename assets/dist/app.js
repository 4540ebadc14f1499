// saferstreets — page script (ES module, loaded with
// <script type="module" src="/assets/app.js">). Our CSP forbids inline
// scripts and styles, so everything lives here and we only toggle classes.

const EXIT_SELECTOR = '[data-quick-exit]'
const DEFAULT_EXIT_HREF = '/exit'
const SHIFT_PRESSES = 3
const SHIFT_WINDOW_MS = 5000
// The longest wait, after the page has loaded, for a first paint before enhancing anyway.
const SETTLE_MS = 1000

// --- Quick exit -------------------------------------------------------------
//
// The quick exit buttons are plain links to /exit, so they work without
// JavaScript. With JavaScript we also exit on Escape and on Shift pressed
// three times within five seconds, hide the page at once, and use
// location.replace so the page being left is not kept in the history.

let exiting = false
let shiftCount = 0
let shiftTimer = null

function exitHref () {
  const link = document.querySelector(EXIT_SELECTOR)
  const href = link && link.getAttribute('href')
  return href || DEFAULT_EXIT_HREF
}

function quickExit () {
  if (exiting) return
  exiting = true
  resetShift()
  document.documentElement.classList.add('app-exiting')
  document.body.classList.add('app-exiting')
  window.location.replace(exitHref())
}

function resetShift () {
  shiftCount = 0
  if (shiftTimer !== null) {
    window.clearTimeout(shiftTimer)
    shiftTimer = null
  }
}

function onKeydown (event) {
  // Key presses that are part of IME composition belong to the input method.
  if (event.isComposing) return

  if (event.key === 'Escape' || event.key === 'Esc') {
    event.preventDefault()
    quickExit()
    return
  }

  if (event.key === 'Shift') {
    if (event.repeat) return
    shiftCount += 1
    if (shiftCount === 1) {
      // The window starts at the first press: three presses within 5 s.
      shiftTimer = window.setTimeout(resetShift, SHIFT_WINDOW_MS)
    }
    if (shiftCount >= SHIFT_PRESSES) quickExit()
    return
  }

  // Any other key (for example the letter of Shift+J while typing a name)
  // breaks the sequence, so ordinary typing never triggers an exit.
  if (shiftCount > 0) resetShift()
}

function onClick (event) {
  const link = event.target instanceof Element ? event.target.closest(EXIT_SELECTOR + ', [data-quick-exit-skip]') : null
  if (!link) return
  // Let the browser handle "open in new tab" and the like.
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  event.preventDefault()
  quickExit()
}

// A page restored from the back/forward cache must be usable again.
function onPageshow (event) {
  if (!event.persisted) return
  exiting = false
  resetShift()
  document.documentElement.classList.remove('app-exiting')
  document.body.classList.remove('app-exiting')
}

// Only public pages carry a quick exit; the staff back office has none, so Escape and
// Shift keep their ordinary meaning there.
if (document.querySelector(EXIT_SELECTOR)) {
  document.addEventListener('keydown', onKeydown, true)
  document.addEventListener('click', onClick)
  window.addEventListener('pageshow', onPageshow)
}

// --- Timeout warning ---------------------------------------------------------
//
// Pages with a draft carry a closed <dialog data-timeout-warning> (GOV.UK timeout warning
// pattern). It opens `data-warn-seconds` before the draft's idle time runs out: what is left
// of it when the page was made (`data-idle-seconds`, counted from the last save), then, after
// "Continue", the whole of it (`data-full-seconds`). "Continue" restarts it on the server with a
// same-origin POST carrying the page's CSRF token; "Delete my answers and leave" is the
// quick exit. If nobody answers, the page is loaded again when the time is up, which shows
// that the answers were deleted. Times come from the page, so tests can change them.

const timeoutDialog = document.querySelector('dialog[data-timeout-warning]')
if (timeoutDialog && typeof timeoutDialog.showModal === 'function') {
  let idleMs = Number(timeoutDialog.dataset.idleSeconds) * 1000
  const fullMs = Number(timeoutDialog.dataset.fullSeconds || timeoutDialog.dataset.idleSeconds) * 1000
  const warnMs = Number(timeoutDialog.dataset.warnSeconds) * 1000
  const failed = timeoutDialog.querySelector('[data-timeout-failed]')
  let warnTimer = null
  let endTimer = null
  let returnFocus = null

  const schedule = () => {
    window.clearTimeout(warnTimer)
    window.clearTimeout(endTimer)
    warnTimer = window.setTimeout(() => {
      returnFocus = document.activeElement
      if (failed) failed.hidden = true
      timeoutDialog.showModal()
    }, Math.max(0, idleMs - warnMs))
    endTimer = window.setTimeout(() => {
      window.location.replace(window.location.pathname)
    }, idleMs)
  }

  const keepAlive = async () => {
    const body = new URLSearchParams({ csrf: timeoutDialog.dataset.csrf || '' })
    try {
      const response = await fetch('/keep-alive', { method: 'POST', body, credentials: 'same-origin' })
      if (!response.ok) throw new Error(`keep-alive answered ${response.status}`)
    } catch (error) {
      if (failed) failed.hidden = false
      console.error('Answers not kept', error)
      return
    }
    timeoutDialog.close()
    idleMs = fullMs
    schedule()
    if (returnFocus && typeof returnFocus.focus === 'function') returnFocus.focus()
  }

  timeoutDialog.querySelector('[data-timeout-continue]')?.addEventListener('click', keepAlive)
  // Esc inside the dialog is still the quick exit (the document's handler, in the capture
  // phase, runs first); the dialog's own "cancel" must not just close it unseen.
  timeoutDialog.addEventListener('cancel', (event) => event.preventDefault())
  schedule()
}

// --- Print buttons -----------------------------------------------------------
//
// Buttons marked `data-print` are hidden in the HTML (printing needs JavaScript); show
// them and let them open the browser's print dialogue.

for (const button of document.querySelectorAll('button[data-print]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}

// --- Map on the place page ---------------------------------------------------
//
// Only pages with a map section load map.js (and through it Leaflet). The section stays
// hidden if anything fails, leaving the search and the description, which work without it.

const mapSection = document.querySelector('[data-map-section]')
if (mapSection) {
  // Below the search on a phone: the page paints first, then Leaflet loads.
  afterFirstPaint(() => import('./map.js')
    .then(({ initMap }) => initMap(mapSection))
    .catch((error) => {
      mapSection.hidden = true
      console.error('The map did not start', error)
    }))
}

// --- Hotspot map in the back office -----------------------------------------

const staffMap = document.querySelector('[data-staff-map]')
if (staffMap) {
  import('./staff-map.js')
    .then(({ initStaffMap }) => initStaffMap(staffMap))
    .catch((error) => {
      staffMap.hidden = true
      console.error('The hotspot map did not start', error)
    })
}

// --- Proof of work on a send step, while the service is under load ----------

const powForm = document.querySelector('input[name="pow_challenge"]')?.form
if (powForm) {
  import('./pow.js')
    .then(({ initProofOfWork }) => initProofOfWork(powForm))
    .catch((error) => console.error('Proof of work did not start', error))
}

// --- GOV.UK Frontend components ---------------------------------------------
//
// Imported after the quick exit is in place, so a failure to load or start
// the components can never take the quick exit down with it. The
// `govuk-frontend-supported` class is only set once the code is there.
//
// Fetched only once the page has been painted (issue 15): every page is usable
// without these components, and when their 47 KB arrive before the first frame
// the browser paints after running them, so the first paint waited for two more
// requests in a row (this file, then that one).

afterFirstPaint(() => import('./govuk-frontend.min.js')
  .then(({ initAll }) => {
    document.body.classList.add('govuk-frontend-supported')
    initAll()
  })
  .catch((error) => {
    document.body.classList.remove('govuk-frontend-supported')
    console.error('GOV.UK Frontend did not start', error)
  }))

// Runs `start` once the page's first content is on screen, in a task of its own.
//
// The browser reports its first contentful paint to a PerformanceObserver after the frame,
// so nothing of ours runs inside the task that paints it. (Frame callbacks did: the first
// one ran in that very task, which tied the first paint to this script's download in
// Lighthouse's model and added a round trip on a slow link; issue 15.) Browsers without
// paint timing wait two frames instead. Where no frame is coming (a tab opened in the
// background) it runs at once, and it runs at the latest when the page has loaded and
// settled, should a paint never be reported.
function afterFirstPaint (start) {
  if (document.visibilityState === 'hidden') {
    start()
    return
  }
  const types = window.PerformanceObserver && window.PerformanceObserver.supportedEntryTypes
  if (!types || !types.includes('paint')) {
    window.requestAnimationFrame(() => window.requestAnimationFrame(() => window.setTimeout(start, 0)))
    return
  }
  let started = false
  const go = () => {
    if (started) return
    started = true
    observer.disconnect()
    window.setTimeout(start, 0)
  }
  const observer = new window.PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length > 0) go()
  })
  observer.observe({ type: 'paint', buffered: true })
  document.addEventListener('visibilitychange', go, { once: true })
  window.addEventListener('load', () => window.setTimeout(go, SETTLE_MS), { once: true })
}
