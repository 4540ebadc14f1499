// saferstreets — the hotspot map of the back office's place dashboard (ES module, imported by
// app.js only when the page has a [data-staff-map]).
//
// The section is `hidden` in the HTML: without JavaScript the table of top hotspots and the
// exports carry the same information. With it we load our own Leaflet, fetch the hexagons for
// the filters in force (same origin, same session) and draw them, darker for more reports.
// Leaflet's SVG renderer sets presentation attributes, which our CSP allows. Under them: our
// own street tiles and the force areas' outlines (see map.js).

import { LEAFLET_CSS, addBasemap, addBoundary, escapeHtml, loadLeaflet, loadStylesheet } from './map.2bccba840358.js'

const LEAFLET_BASE = '/assets/leaflet/'
const START_ZOOM = 11
// A sequential single-hue scale (light to dark blue), the same as the heat grid's.
const SCALE = ['#d2e2f1', '#a5c6e3', '#6f9fd1', '#3b77b8', '#1d4f91', '#003078']

function colour (share) {
  const i = Math.min(SCALE.length - 1, Math.floor(share * SCALE.length))
  return SCALE[Math.max(0, i)]
}

function parseCoordinate (value, limit) {
  const n = Number(value)
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : 0
}

export async function initStaffMap (section) {
  const canvas = section.querySelector('[data-staff-map-canvas]')
  const status = section.querySelector('[data-staff-map-status]')
  if (!canvas || !status) throw new Error('the hotspot map is missing its canvas or status')
  const data = section.dataset

  const [L, response] = await Promise.all([
    loadLeaflet(),
    fetch(data.src, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } }),
    loadStylesheet(LEAFLET_CSS)
  ])
  if (!response.ok) throw new Error(`hotspots: HTTP ${response.status}`)
  const hexagons = await response.json()

  section.hidden = false
  L.Icon.Default.imagePath = LEAFLET_BASE + 'images/'
  const map = L.map(canvas, {
    center: [parseCoordinate(data.lat, 90), parseCoordinate(data.lng, 180)],
    zoom: START_ZOOM,
    attributionControl: false,
    keyboard: true
  })
  canvas.setAttribute('role', 'region')
  if (data.label) canvas.setAttribute('aria-label', data.label)
  canvas.setAttribute('aria-describedby', 'staff-map-hint')

  const tileUrl = (data.tileUrl || '').trim()
  if (tileUrl) {
    L.control.attribution({ prefix: false }).addTo(map)
    L.tileLayer(tileUrl, { attribution: escapeHtml(data.attribution || ''), maxZoom: 19 }).addTo(map)
  } else {
    addBasemap(L, map, canvas, data.attribution || '')
  }
  addBoundary(L, map, canvas)

  const counts = hexagons.features.map((f) => f.properties.count)
  const most = Math.max(1, ...counts)
  const layer = L.geoJSON(hexagons, {
    style: (feature) => ({
      color: '#0b0c0c',
      weight: 1,
      fillColor: colour(feature.properties.count / most),
      fillOpacity: 0.7
    }),
    onEachFeature: (feature, shape) => {
      // The nearest gazetteer place names the hexagon, as in the table below the map.
      // Leaflet sets a string tooltip as HTML; the name comes from an imported gazetteer, so
      // it goes in as text.
      const near = feature.properties.near
      const label = document.createElement('span')
      label.textContent = near ? `${near} (${feature.properties.count})` : `${feature.properties.count}`
      shape.bindTooltip(label)
    }
  }).addTo(map)
  if (hexagons.features.length > 0) map.fitBounds(layer.getBounds(), { maxZoom: 15 })

  // The sentence comes from the page (our translations), with COUNT and MOST to fill in.
  status.textContent = (data.status || 'COUNT')
    .replace('COUNT', String(hexagons.features.length))
    .replace('MOST', String(counts.length ? most : 0))
  section.dataset.ready = 'true'
}
