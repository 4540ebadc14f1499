// First render of the place page's street map in headless Chromium: from the moment map.js
// starts the street layer (User Timing mark `basemap-start`: loading protomaps-leaflet, reading
// the archive's header) to every visible vector tile drawn (`basemap-drawn`, protomaps-leaflet's
// `load`), and from the page's navigation start; with the range requests and bytes it took.
//
//   cargo build [--release] && SAFERSTREETS_BIN=target/release/saferstreets node scripts/bench-map-render.mjs
//
// A fresh browser context per run (nothing cached; tiles are no-store anyway). Only ever
// talks to the server it starts on 127.0.0.1.

import { chromium } from 'playwright-core'
import { startServer } from '../e2e/helpers.mjs'

const RUNS = Number(process.env.RUNS || 7)
const server = await startServer({ exitUrl: 'http://127.0.0.1:9/neutral' })
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' })
const runs = []
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } })
    const page = await context.newPage()
    let requests = 0
    let bytes = 0
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/tiles/basemap.pmtiles') {
        requests++
        bytes += Number(r.headers()['content-length'] || 0)
      }
    })
    await page.goto(server.url + '/unsafe-place')
    await page.getByRole('button', { name: 'Start now' }).click()
    await page.locator('#map[data-basemap="drawn"]').waitFor({ timeout: 30_000 })
    const { afterMap, sinceNavigation } = await page.evaluate(() => {
      const start = performance.getEntriesByName('basemap-start')[0].startTime
      const drawn = performance.getEntriesByName('basemap-drawn')[0].startTime
      return { afterMap: drawn - start, sinceNavigation: drawn }
    })
    runs.push({ afterMap: Math.round(afterMap), sinceNavigation: Math.round(sinceNavigation), requests, bytes })
    await context.close()
  }
} finally {
  await browser.close()
  await server.stop()
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]
for (const key of ['afterMap', 'sinceNavigation', 'requests', 'bytes']) {
  const xs = runs.map((r) => r[key])
  console.log(`${key}: median ${median(xs)}, range ${Math.min(...xs)}–${Math.max(...xs)}`)
}
