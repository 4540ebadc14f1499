// Build the front-end assets into assets/dist/ (committed; CI rebuilds and
// runs `git diff --exit-code assets/dist`, so the output must be
// deterministic). Node 20, no dependencies beyond `sass`.
//
// After copying, every top-level file gets a content-hashed copy (`app.css` ->
// `app.<hash>.css`) listed in `manifest.json`, which the server reads to write
// asset URLs into pages and to serve hashed names as immutable (issue 15).
// Every text file is also stored compressed (`<name>.br`, `<name>.gz`), so the
// server sends compressed bytes without compressing anything per request.
// Add a new file with `copyText` as below: the steps at the end pick it up.
//
//   npm ci && npm run build

import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'
import * as sass from 'sass'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const src = path.join(root, 'assets', 'src')
const dist = path.join(root, 'assets', 'dist')
const modules = path.join(root, 'node_modules')

// `//# sourceMappingURL=…` (JS) and `/*# sourceMappingURL=… */` (CSS), which
// may end a line of code rather than stand on their own line.
const JS_SOURCE_MAP = /[ \t]*\/\/[#@] sourceMappingURL=[^\r\n]*/g
const CSS_SOURCE_MAP = /[ \t]*\/\*[#@] sourceMappingURL=[^*]*\*\//g

function rel (file) {
  return path.relative(root, file)
}

function write (file, contents) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, contents)
  const size = Buffer.byteLength(contents)
  console.log(`${rel(file).padEnd(44)} ${String(size).padStart(8)} bytes`)
}

function readText (file) {
  // Normalise line endings so a checkout with CRLF builds the same bytes.
  return fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n')
}

function ensureTrailingNewline (text) {
  return text.endsWith('\n') ? text : text + '\n'
}

function stripSourceMap (text, pattern) {
  return ensureTrailingNewline(text.replace(pattern, '').replace(/[ \t]+$/gm, '').replace(/\n+$/, ''))
}

function copyText (from, to, pattern) {
  let text = readText(from)
  if (pattern) text = stripSourceMap(text, pattern)
  write(to, text)
}

function copyBinary (from, to) {
  write(to, fs.readFileSync(from))
}

function packageVersion (name) {
  return JSON.parse(fs.readFileSync(path.join(modules, name, 'package.json'), 'utf8')).version
}

function requirePackage (name) {
  if (!fs.existsSync(path.join(modules, name, 'package.json'))) {
    console.error(`node_modules/${name} is missing: run \`npm ci\` first`)
    process.exit(1)
  }
}

requirePackage('govuk-frontend')
requirePackage('leaflet')
requirePackage('protomaps-leaflet')

fs.rmSync(dist, { recursive: true, force: true })
fs.mkdirSync(dist, { recursive: true })

// --- CSS ----------------------------------------------------------------------
// Two sheets (issue 15): app.css blocks the first paint of every public page, so it holds only
// what public pages use; staff.css, linked after it by the staff layout only, adds the back
// office's components and rules.
function compileSass (name) {
  const result = sass.compile(path.join(src, name), {
    style: 'compressed',
    importers: [new sass.NodePackageImporter(root)],
    sourceMap: false,
    // Deprecation notices from inside govuk-frontend are not ours to fix.
    quietDeps: true
  })
  const css = stripSourceMap(result.css, CSS_SOURCE_MAP)
  // GDS Transport may only be used on gov.uk; our font stack must have dropped it.
  for (const banned of ['GDS Transport', '@font-face', '.woff']) {
    if (css.includes(banned)) {
      console.error(`${name} compiles to CSS containing "${banned}": the GDS Transport font must not be shipped`)
      process.exit(1)
    }
  }
  return css
}
const appCss = compileSass('app.scss')
const staffCss = compileSass('staff.scss')

// Every GOV.UK class a template names must be styled by the sheets its pages link: a
// component left out of app.scss (or moved to staff.scss while a public page still uses it)
// would otherwise render unstyled without any error. Class names built at run time are not
// seen here; the browser tests cover those pages.
{
  // Classes GOV.UK Frontend's markup names without a rule of their own (its JavaScript finds
  // some of them; the table caption's default style is already the small one).
  const UNSTYLED = new Set([
    'govuk-template', 'govuk-template__body', 'govuk-frontend-supported', 'govuk-radios',
    'govuk-checkboxes', 'govuk-language-navigation__text', 'govuk-table__head', 'govuk-table__body',
    'govuk-table__row', 'govuk-table__caption--s'
  ])
  const templates = path.join(root, 'templates')
  const selectors = (css) => new Set([...css.replace(/\\/g, '').matchAll(/\.(govuk-[A-Za-z0-9_!-]+)/g)].map((m) => m[1]))
  const publicClasses = selectors(appCss)
  const staffClasses = new Set([...publicClasses, ...selectors(staffCss)])
  const missing = []
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name)
      if (fs.statSync(file).isDirectory()) { walk(file); continue }
      // Staff pages and the macros only they import (macros/staff.html).
      const relative = path.relative(templates, file)
      const isStaff = relative.startsWith('staff' + path.sep) || relative === path.join('macros', 'staff.html')
      const known = isStaff ? staffClasses : publicClasses
      for (const m of readText(file).matchAll(/class="([^"]*)"/g)) {
        for (const cls of m[1].split(/\s+/)) {
          if (/^govuk-[A-Za-z0-9_!-]+$/.test(cls) && !known.has(cls) && !UNSTYLED.has(cls)) {
            missing.push(`${rel(file)}: ${cls}`)
          }
        }
      }
    }
  }
  walk(templates)
  if (missing.length > 0) {
    console.error(`classes with no rule in the sheets their pages link:\n  ${[...new Set(missing)].join('\n  ')}`)
    process.exit(1)
  }
}
write(path.join(dist, 'app.css'), appCss)
write(path.join(dist, 'staff.css'), staffCss)

// --- JavaScript and images -------------------------------------------------------
copyText(path.join(src, 'app.js'), path.join(dist, 'app.js'))
// Imported by app.js on a send step that asks for a proof of work.
copyText(path.join(src, 'pow.js'), path.join(dist, 'pow.js'))
// Imported by app.js on pages with a map (it loads Leaflet from leaflet/ below).
copyText(path.join(src, 'map.js'), path.join(dist, 'map.js'))
copyText(path.join(src, 'staff-map.js'), path.join(dist, 'staff-map.js'))
copyText(
  path.join(modules, 'govuk-frontend', 'dist', 'govuk', 'govuk-frontend.min.js'),
  path.join(dist, 'govuk-frontend.min.js'),
  JS_SOURCE_MAP
)
copyText(path.join(src, 'favicon.svg'), path.join(dist, 'favicon.svg'))

// --- Leaflet ----------------------------------------------------------------------
const leafletDist = path.join(modules, 'leaflet', 'dist')
copyText(path.join(leafletDist, 'leaflet.js'), path.join(dist, 'leaflet', 'leaflet.js'), JS_SOURCE_MAP)
copyText(path.join(leafletDist, 'leaflet.css'), path.join(dist, 'leaflet', 'leaflet.css'), CSS_SOURCE_MAP)
for (const image of fs.readdirSync(path.join(leafletDist, 'images')).sort()) {
  copyBinary(path.join(leafletDist, 'images', image), path.join(dist, 'leaflet', 'images', image))
}

// --- protomaps-leaflet -------------------------------------------------------------
// Its published IIFE build (global `protomapsL`, with pmtiles and its other dependencies
// bundled in): draws our vector tiles over Leaflet; loaded by map.js only on map pages.
copyText(
  path.join(modules, 'protomaps-leaflet', 'dist', 'protomaps-leaflet.js'),
  path.join(dist, 'protomaps-leaflet', 'protomaps-leaflet.js'),
  JS_SOURCE_MAP
)

// --- Fingerprints ------------------------------------------------------------------
// A hash of the contents in the name, so a page can tell browsers to keep the file for a
// year. JS modules import each other by relative name (`import('./map.js')`), so a module's
// imports are rewritten to the hashed names first and it is hashed after the files it
// imports: a changed dependency gives its importers a new name too.
const IMPORT = /(['"])\.\/([A-Za-z0-9_.-]+\.(?:js|mjs|css))\1/g
const manifest = {}
{
  const names = fs.readdirSync(dist).filter((n) => fs.statSync(path.join(dist, n)).isFile()).sort()
  const pending = new Set(names)
  const importsOf = (name) => {
    if (!/\.m?js$/.test(name)) return []
    const text = readText(path.join(dist, name))
    return [...text.matchAll(IMPORT)].map((m) => m[2]).filter((n) => n !== name && names.includes(n))
  }
  while (pending.size > 0) {
    const ready = [...pending].filter((n) => importsOf(n).every((d) => manifest[d]))
    if (ready.length === 0) {
      console.error(`circular imports between ${[...pending].join(', ')}`)
      process.exit(1)
    }
    for (const name of ready) {
      let bytes = fs.readFileSync(path.join(dist, name))
      if (/\.m?js$/.test(name)) {
        bytes = Buffer.from(
          readText(path.join(dist, name)).replace(IMPORT, (all, q, dep) => (manifest[dep] ? `${q}./${manifest[dep]}${q}` : all))
        )
      }
      const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 12)
      const ext = path.extname(name)
      const hashed = `${name.slice(0, -ext.length)}.${hash}${ext}`
      write(path.join(dist, hashed), bytes)
      manifest[name] = hashed
      pending.delete(name)
    }
  }
}
write(path.join(dist, 'manifest.json'), JSON.stringify(manifest, Object.keys(manifest).sort(), 2) + '\n')

// --- Compression -------------------------------------------------------------------
// Brotli at its best quality and gzip at level 9, done once here. Both are deterministic
// for the same input and Node's bundled zlib/brotli (gzip's header has no time or name).
const COMPRESSIBLE = /\.(css|js|mjs|svg|json|txt)$/
function compressAll (dir) {
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name)
    if (fs.statSync(file).isDirectory()) {
      compressAll(file)
      continue
    }
    if (!COMPRESSIBLE.test(name) || name === 'manifest.json') continue
    const bytes = fs.readFileSync(file)
    const br = zlib.brotliCompressSync(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
      }
    })
    const gz = zlib.gzipSync(bytes, { level: 9 })
    // Only where it saves something (a tiny file can grow).
    if (br.length < bytes.length) write(`${file}.br`, br)
    if (gz.length < bytes.length) write(`${file}.gz`, gz)
  }
}

// --- Licences -------------------------------------------------------------------
// The govuk-frontend npm package ships no LICENSE file, only `"license": "MIT"`
// and a licence section in its README; the text below is the MIT licence as
// published in the govuk-frontend repository (LICENSE.txt).
const govukReadme = readText(path.join(modules, 'govuk-frontend', 'README.md'))
const govukLicenceSection = (govukReadme.match(/## Licence\n([\s\S]*?)(?=\n## |$)/) || [, ''])[1].trim()
const govukPackageLicence = JSON.parse(
  fs.readFileSync(path.join(modules, 'govuk-frontend', 'package.json'), 'utf8')
).license
const govukMit = `The MIT License (MIT)

Copyright (C) 2017 Crown Copyright (Government Digital Service)

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
of the Software, and to permit persons to whom the Software is furnished to do
so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.`
const leafletLicence = readText(path.join(modules, 'leaflet', 'LICENSE')).trim()

const rule = '='.repeat(78)
const licences = `Third-party software in these assets
${rule}

govuk-frontend ${packageVersion('govuk-frontend')} (licence: ${govukPackageLicence}, Crown copyright)
  Files: app.css and staff.css (compiled from its Sass, without the GDS Transport font),
         govuk-frontend.min.js
  From the package README:

${govukLicenceSection.replace(/^/gm, '    ')}

${govukMit}

${rule}

Leaflet ${packageVersion('leaflet')} (licence: BSD-2-Clause)
  Files: leaflet/leaflet.js, leaflet/leaflet.css, leaflet/images/*

${leafletLicence}
`
// protomaps-leaflet and the packages bundled into its build: each one's licence file, or
// (pmtiles and @protomaps/basemaps ship none) its package.json licence.
const PROTOMAPS_BUNDLE = [
  'protomaps-leaflet', 'pmtiles', '@protomaps/basemaps', '@mapbox/point-geometry',
  '@mapbox/vector-tile', 'pbf', 'color2k', 'potpack', 'rbush', 'quickselect', 'fflate'
]
let protomapsLicences = ''
for (const name of PROTOMAPS_BUNDLE) {
  const dir = path.join(modules, name)
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
  const file = fs.readdirSync(dir).sort().find((f) => /^licen[cs]e/i.test(f))
  const text = file ? readText(path.join(dir, file)).trim() : `Licence: ${meta.license} (the package ships no licence file).`
  protomapsLicences += `\n${rule}\n\n${name} ${meta.version} (licence: ${meta.license})\n` +
    (name === 'protomaps-leaflet' ? '  Files: protomaps-leaflet/protomaps-leaflet.js (the packages below are bundled in it)\n' : '') +
    `\n${text}\n`
}
write(path.join(dist, 'LICENSES.txt'), licences + protomapsLicences)

// Last, so every file above, licences included, has its compressed forms.
compressAll(dist)
