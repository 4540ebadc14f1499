// saferstreets — the map on "Where did you feel unsafe?" (ES module, imported by app.js only
// when the page has a [data-map-section]).
//
// Without JavaScript the map section stays `hidden` and the search and the description are the
// way to answer. With it, we load our own copy of Leaflet (/assets/leaflet/, allowed by
// `script-src 'self'` and `style-src 'self'`), show the section and let the visitor put one pin
// on the map, by:
//
// - clicking or tapping the map (the pin can then be dragged);
// - the keyboard: the map is focusable, the arrow keys pan it (Leaflet), and Enter or Space puts
//   the pin in the middle, where a crosshair shows while the map has keyboard focus;
// - "Use my current location".
//
// Under the pin: streets from our own vector tiles (/tiles/basemap.pmtiles, range requests to
// this origin only) and the force areas' outlines.
//
// The pin's position goes into the hidden #lat and #lng fields that the form sends, and each
// placement is announced through #map-status (aria-live). Nothing is sent anywhere until the
// visitor presses Continue. Leaflet positions its elements through element.style (CSSOM),
// which our CSP allows; nothing here writes `style` markup.

const LEAFLET_BASE = '/assets/leaflet/'
const LEAFLET_JS = LEAFLET_BASE + 'leaflet.js'
export const LEAFLET_CSS = LEAFLET_BASE + 'leaflet.css'
// protomaps-leaflet draws vector tiles on canvases in Leaflet's grid: no worker, no blob: URL,
// nothing beyond `script-src 'self'` and `connect-src 'self'`.
const PROTOMAPS_JS = '/assets/protomaps-leaflet/protomaps-leaflet.js'
// The map's PMTiles archive, read with range requests from our own origin (src/http/tiles.rs).
export const TILES_URL = '/tiles/basemap.pmtiles'
// The force areas, drawn as outlines on both maps.
export const AREAS_URL = '/map/areas.geojson'
const START_ZOOM = 13
// Zoom in at least this far on the visitor's own location, close enough to check the pin.
const LOCATE_ZOOM = 16
const DECIMALS = 6

/** Load a stylesheet of ours once (before app.css, so our own rules override Leaflet's). */
export function loadStylesheet (href) {
  const existing = document.querySelector(`link[rel="stylesheet"][href="${href}"]`)
  if (existing && existing.sheet) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const link = existing || document.createElement('link')
    link.addEventListener('load', () => resolve(), { once: true })
    link.addEventListener('error', () => reject(new Error(`could not load ${href}`)), { once: true })
    if (!existing) {
      link.rel = 'stylesheet'
      link.href = href
      // Our stylesheet, by its fingerprinted name (app.<hash>.css) or its plain one.
      const ours = document.querySelector('link[rel="stylesheet"][href^="/assets/app."][href$=".css"]')
      document.head.insertBefore(link, ours)
    }
  })
}

/** Load a classic (non-module) script of ours once and resolve with `get()`, the global it
 * defines. */
function loadScript (src, get) {
  if (get()) return Promise.resolve(get())
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = src
    script.addEventListener('load', () => {
      if (get()) resolve(get())
      else reject(new Error(`${src} loaded without defining its global`))
    }, { once: true })
    script.addEventListener('error', () => reject(new Error(`could not load ${src}`)), { once: true })
    document.head.appendChild(script)
  })
}

/** Load Leaflet's UMD build (it is not an ES module) and resolve with `window.L`. */
export function loadLeaflet () {
  return loadScript(LEAFLET_JS, () => window.L && window.L.map ? window.L : null)
}

/** The archive's zoom levels, from its 127-byte header (PMTiles v3: bytes 100 and 101), so
 * the map over-zooms past the last level the archive has rather than asking for tiles it
 * lacks. */
async function archiveZooms () {
  const response = await fetch(TILES_URL, { headers: { Range: 'bytes=0-126' }, credentials: 'same-origin' })
  if (!response.ok) throw new Error(`map tiles: HTTP ${response.status}`)
  const header = new Uint8Array(await response.arrayBuffer())
  if (header.length < 127 || String.fromCharCode(...header.subarray(0, 7)) !== 'PMTiles') {
    throw new Error('map tiles: not a PMTiles archive')
  }
  return { min: header[100], max: header[101] }
}

/**
 * Draw the streets under `map`: our vector tiles, styled with the Protomaps "light" look (the
 * archive follows the Protomaps basemap layers, whether it is the synthetic demo map or an
 * imported extract). `container.dataset.basemap` becomes "drawn" once the first tiles are on
 * screen. The pin and the search work without it, so a failure is only logged.
 */
export async function addBasemap (L, map, container, attribution) {
  // Marks for scripts/bench-map-render.mjs (the User Timing API; nothing is sent anywhere).
  performance.mark('basemap-start')
  try {
    const [protomapsL, zooms] = await Promise.all([
      loadScript(PROTOMAPS_JS, () => window.protomapsL),
      archiveZooms()
    ])
    if (attribution) {
      L.control.attribution({ prefix: false }).addTo(map)
    }
    const layer = protomapsL.leafletLayer({
      url: TILES_URL,
      flavor: 'light',
      lang: 'en',
      maxDataZoom: zooms.max,
      // Without this the library credits Protomaps and OpenStreetMap with links away from
      // here; an imported archive's required credit comes from `map_attribution`.
      attribution: attribution ? escapeHtml(attribution) : ''
    })
    layer.on('load', () => {
      if (container.dataset.basemap !== 'drawn') performance.mark('basemap-drawn')
      container.dataset.basemap = 'drawn'
    })
    layer.addTo(map)
    return layer
  } catch (error) {
    container.dataset.basemap = 'failed'
    console.error('The street map did not load', error)
    return null
  }
}

/** Outline the force areas on `map` (not clickable: a click still puts the pin). Sets
 * `container.dataset.boundary` to the number of areas drawn. */
export async function addBoundary (L, map, container) {
  try {
    const response = await fetch(AREAS_URL, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
    if (!response.ok) throw new Error(`areas: HTTP ${response.status}`)
    const areas = await response.json()
    const layer = L.geoJSON(areas, {
      interactive: false,
      style: () => ({ className: 'app-map__boundary', color: '#1d70b8', weight: 3, dashArray: '8 6', fill: false })
    }).addTo(map)
    container.dataset.boundary = String(areas.features.length)
    return layer
  } catch (error) {
    console.error('The force boundary did not load', error)
    return null
  }
}

/** The tile provider's attribution is plain text (see Config::map_attribution); Leaflet
 * inserts attributions as HTML, so escape it. */
export function escapeHtml (text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function parseCoordinate (value, limit) {
  if (typeof value !== 'string' || value.trim() === '') return null
  const n = Number(value)
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null
}

/**
 * Start the map in `section` (the [data-map-section] element). Resolves once the map is shown;
 * rejects (and leaves the section hidden) if Leaflet cannot be loaded.
 */
export async function initMap (section) {
  const container = section.querySelector('#map')
  const latInput = section.querySelector('#lat')
  const lngInput = section.querySelector('#lng')
  const status = section.querySelector('#map-status')
  const locate = section.querySelector('[data-locate]')
  if (!container || !latInput || !lngInput || !status) {
    throw new Error('the map section is missing #map, #lat, #lng or #map-status')
  }

  const [L] = await Promise.all([loadLeaflet(), loadStylesheet(LEAFLET_CSS)])

  // Leaflet measures its container, so it must be on screen before the map is made.
  section.hidden = false

  const data = container.dataset
  const start = [
    parseCoordinate(data.lat, 90) ?? 0,
    parseCoordinate(data.lng, 180) ?? 0
  ]
  L.Icon.Default.imagePath = LEAFLET_BASE + 'images/'

  const map = L.map(container, {
    center: start,
    zoom: START_ZOOM,
    // Leaflet's own credit (with a link away from this site) is left out; its licence is in
    // /assets/LICENSES.txt. A tile provider's attribution is shown when there are tiles.
    attributionControl: false,
    // Our own zoom buttons, so their names come from the page's language (Leaflet's are English).
    zoomControl: false,
    keyboard: true
  })
  L.control.zoom({
    zoomInTitle: data.zoomIn || 'Zoom in',
    zoomOutTitle: data.zoomOut || 'Zoom out'
  }).addTo(map)

  const tileUrl = (data.tileUrl || '').trim()
  if (tileUrl) {
    L.control.attribution({ prefix: false }).addTo(map)
    L.tileLayer(tileUrl, {
      attribution: escapeHtml(data.attribution || ''),
      maxZoom: 19
    }).addTo(map)
  } else {
    addBasemap(L, map, container, data.attribution || '')
  }
  addBoundary(L, map, container)

  // A focusable element needs a role for its name to count (ARIA does not allow naming a
  // plain div); "region" makes the map a landmark, as other web maps do. Not "application":
  // that would switch off screen readers' own keys.
  container.setAttribute('role', 'region')
  if (data.label) container.setAttribute('aria-label', data.label)
  container.setAttribute('aria-describedby', 'map-hint')

  // Shows where Enter or Space will put the pin. CSS shows it while the map has focus and
  // `app-map--keyboard`: set when the map is reached or used with the keyboard, cleared when it
  // is clicked or touched (a pointer user's pin goes where they click, not in the middle).
  const crosshair = document.createElement('div')
  crosshair.className = 'app-map__crosshair'
  crosshair.setAttribute('aria-hidden', 'true')
  container.appendChild(crosshair)
  let keyboardLast = false
  document.addEventListener('keydown', () => { keyboardLast = true }, true)
  document.addEventListener('pointerdown', () => { keyboardLast = false }, true)
  container.addEventListener('focus', () => {
    container.classList.toggle('app-map--keyboard', keyboardLast)
  })
  container.addEventListener('keydown', () => container.classList.add('app-map--keyboard'))
  container.addEventListener('pointerdown', () => container.classList.remove('app-map--keyboard'))

  const placedText = section.dataset.placedText || ''
  let marker = null
  let announcements = 0

  function announce (text) {
    // A live region only speaks when its text changes: alternate a trailing no-break space so
    // the same message is read again for a second placement.
    announcements += 1
    status.textContent = text + (announcements % 2 ? '' : '\u00a0')
  }

  function record (latlng) {
    const point = latlng.wrap()
    latInput.value = point.lat.toFixed(DECIMALS)
    lngInput.value = point.lng.toFixed(DECIMALS)
  }

  function placePin (latlng, { quiet = false } = {}) {
    if (marker) {
      marker.setLatLng(latlng)
    } else {
      marker = L.marker(latlng, {
        draggable: true,
        autoPan: true,
        // The map itself takes the keyboard (Enter/Space); a focusable pin would do nothing.
        keyboard: false,
        alt: data.pinLabel || '',
        title: data.pinLabel || ''
      }).addTo(map)
      marker.on('dragend', () => {
        record(marker.getLatLng())
        announce(placedText)
      })
    }
    record(latlng)
    if (!quiet) announce(placedText)
  }

  // A previous answer: show it, in the middle.
  const lat = parseCoordinate(latInput.value, 90)
  const lng = parseCoordinate(lngInput.value, 180)
  if (lat !== null && lng !== null) {
    placePin(L.latLng(lat, lng), { quiet: true })
    map.setView([lat, lng], START_ZOOM, { animate: false })
  }

  map.on('click', (event) => placePin(event.latlng))

  let moving = false
  map.on('movestart', () => { moving = true })
  map.on('moveend', () => { moving = false })

  container.addEventListener('keydown', (event) => {
    // Only when the map itself has focus (not a zoom button inside it), and never with a
    // modifier (Shift is left alone too: it is part of the quick exit's Shift×3).
    if (event.target !== container || event.isComposing) return
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    if (event.key !== 'Enter' && event.key !== ' ' && event.key !== 'Spacebar') return
    event.preventDefault() // no page scroll on Space
    // An arrow key pans with a short animation: put the pin where the map comes to rest.
    if (moving) map.once('moveend', () => placePin(map.getCenter()))
    else placePin(map.getCenter())
  })

  if (locate) {
    if (!('geolocation' in navigator)) {
      locate.hidden = true
    } else {
      const error = locate.dataset.error || ''
      // Not `disabled` while we wait: that would throw keyboard focus off the button.
      let locating = false
      locate.addEventListener('click', () => {
        if (locating) return
        locating = true
        navigator.geolocation.getCurrentPosition(
          (position) => {
            locating = false
            const here = L.latLng(position.coords.latitude, position.coords.longitude)
            placePin(here)
            map.setView(here, Math.max(map.getZoom(), LOCATE_ZOOM))
          },
          () => {
            locating = false
            announce(error)
          },
          { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 }
        )
      })
    }
  }

  return map
}
