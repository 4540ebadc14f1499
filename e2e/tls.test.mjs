// The service behind a real nginx (deploy/nginx/saferstreets.conf, as shipped, with test ports
// and paths substituted) over TLS with a throwaway self-signed certificate. Checks what only
// a real proxy shows: __Host-/Secure cookies round-trip over TLS, HSTS is sent, the client
// address comes from X-Forwarded-For only when the peer is the proxy, rate limits see each
// real client, and quick exit works over TLS. No browser needed: plain HTTPS requests.
//
// nginx runs unprivileged-style: its own prefix, pid, logs and temp folders in a temporary
// folder, high loopback ports, `daemon off` as our child (killed with us), and is stopped in
// `after()`. Clients connect from distinct loopback addresses (127.0.0.2, 127.0.0.3) so nginx
// sees two real clients; nginx connects to the service from 127.0.0.5, the only trusted proxy.

import { spawn, execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import https from 'node:https'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { ROOT, startServer } from './helpers.mjs'

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync)
const SETPRIV = '/usr/bin/setpriv'
const PROXY_PEER = '127.0.0.5'
const CLIENT_A = '127.0.0.2'
const CLIENT_B = '127.0.0.3'
const CLIENT_C = '127.0.0.4'
const EXIT_URL = 'https://neutral.example/weather'
// Bounded: every wait below gives up after this many attempts.
const CONNECT_ATTEMPTS = 200

async function freePort () {
  const server = net.createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address()
  server.close()
  await once(server, 'close')
  return port
}

let dir, app, nginx, httpsPort, httpPort, nginxLog

/** One HTTPS request through nginx from `localAddress`; `{ status, headers, body }`. */
function request (url, { method = 'GET', localAddress = CLIENT_A, headers = {}, body, agent } = {}) {
  const u = new URL(url)
  const client = u.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = client.request({
      host: u.hostname,
      port: u.port,
      path: u.pathname + u.search,
      method,
      headers,
      localAddress,
      agent,
      // The throwaway certificate is trusted by name, not by skipping verification.
      ca: u.protocol === 'https:' ? readFileSync(path.join(dir, 'cert.pem')) : undefined,
      servername: u.protocol === 'https:' ? 'localhost' : undefined
    }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c) => { text += c })
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    if (body) req.write(body)
    req.end()
  })
}

/** A client with its own address and cookie jar. */
function client (base, localAddress, extraHeaders = {}) {
  const jar = new Map()
  const agent = new (base.startsWith('https:') ? https : http).Agent({ keepAlive: true, localAddress })
  const send = async (p, opts = {}) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
    const headers = { ...extraHeaders, ...(opts.headers || {}) }
    if (cookie) headers.cookie = cookie
    const res = await request(base + p, { ...opts, headers, localAddress, agent })
    for (const c of [res.headers['set-cookie'] || []].flat()) {
      const [pair] = c.split(';')
      const [k, v] = pair.split('=')
      if (v === '' || /max-age=0/i.test(c)) jar.delete(k)
      else jar.set(k, v)
    }
    return res
  }
  const post = (p, fields, opts = {}) => send(p, {
    ...opts,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(opts.headers || {}) },
    body: new URLSearchParams(fields).toString()
  })
  return { send, post, jar, close: () => agent.destroy() }
}

async function csrf (c) {
  const page = await c.send('/feedback')
  const m = /name="csrf" value="([^"]+)"/.exec(page.body)
  assert.ok(m, 'the feedback form carries a CSRF token')
  return m[1]
}

/** Post the stalking report's second question `n` times; how many were not refused (429). */
async function flood (c, n, headers = {}) {
  const token = await csrf(c)
  let accepted = 0
  for (let i = 0; i < n; i++) {
    const res = await c.post('/report-stalking/who-for', { csrf: token, answer: 'no' }, { headers })
    assert.notEqual(res.status, 500)
    if (res.status !== 429) accepted++
  }
  return accepted
}

before(async () => {
  assert.ok(NGINX, 'nginx is installed (scripts/test.sh and .ci/run install Debian nginx)')
  dir = mkdtempSync(path.join(os.tmpdir(), 'saferstreets-tls-'))
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'
  ], { stdio: 'ignore' })
  httpsPort = await freePort()
  httpPort = await freePort()
  app = await startServer({
    exitUrl: EXIT_URL,
    env: {
      SAFERSTREETS_PUBLIC_URL: `https://localhost:${httpsPort}`,
      SAFERSTREETS_TRUSTED_PROXIES: `["${PROXY_PEER}"]`,
      SAFERSTREETS_RATE_LIMITS: 'true',
      // A test build's service clock stands still (src/main.rs), so no bucket refills while
      // the floods below are sent, however slow the machine: the counts are exact.
      TEST_FROZEN_CLOCK: '1'
    }
  })
  const appPort = new URL(app.url).port

  // The shipped site file, with only the test's ports, paths and proxy address changed.
  const site = readFileSync(path.join(ROOT, 'deploy/nginx/saferstreets.conf'), 'utf8')
    .replace(/^\s*listen \[::\].*$/gm, '')
    .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`)
    .replace('server 127.0.0.1:3000;', `server 127.0.0.1:${appPort};`)
    .replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${dir}/cert.pem;`)
    .replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${dir}/key.pem;`)
    .replace('proxy_bind 127.0.0.1;', `proxy_bind ${PROXY_PEER};`)
  for (const [from, what] of [[`127.0.0.1:${httpsPort}`, 'https port'], [`proxy_bind ${PROXY_PEER}`, 'proxy_bind'], [`${dir}/cert.pem`, 'certificate']]) {
    assert.ok(site.includes(from), `the example still has its ${what} line`)
  }
  writeFileSync(path.join(dir, 'site.conf'), site)
  mkdirSync(path.join(dir, 'tmp'))
  nginxLog = path.join(dir, 'error.log')
  writeFileSync(path.join(dir, 'nginx.conf'), `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${nginxLog} warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  proxy_max_temp_file_size 0;
  include ${dir}/site.conf;
}
`)
  const args = ['-p', dir, '-e', nginxLog, '-c', path.join(dir, 'nginx.conf')]
  execFileSync(NGINX, [...args, '-t'], { stdio: 'pipe' })
  const [command, commandArgs] = existsSync(SETPRIV)
    ? [SETPRIV, ['--pdeathsig', 'KILL', '--', NGINX, ...args]]
    : [NGINX, args]
  nginx = spawn(command, commandArgs, { stdio: 'ignore' })
  // Ready when it accepts a connection (retries are counted, not timed).
  for (let i = 0; ; i++) {
    assert.ok(nginx.exitCode === null, `nginx exited: ${readFileSync(nginxLog, 'utf8')}`)
    try {
      await request(`https://localhost:${httpsPort}/healthz`)
      break
    } catch (e) {
      if (i >= CONNECT_ATTEMPTS) throw e
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
})

after(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = once(nginx, 'exit')
    nginx.kill('SIGTERM')
    await exited
  }
  if (app) await app.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

test('plain HTTP only redirects to HTTPS', async () => {
  const res = await request(`http://127.0.0.1:${httpPort}/report-stalking`)
  assert.equal(res.status, 301)
  assert.match(res.headers.location, /^https:\/\/127\.0\.0\.1\/report-stalking$/)
})

test('over TLS the session cookie is __Host- and Secure, HSTS is sent, and the session holds', async () => {
  const c = client(`https://localhost:${httpsPort}`, CLIENT_C)
  // A page with a form starts the session (content pages start none, issue 15).
  const home = await c.send('/feedback')
  assert.equal(home.status, 200)
  assert.match(home.headers['strict-transport-security'], /max-age=\d{7,}/)
  const cookie = [home.headers['set-cookie'] || []].flat().find((s) => s.startsWith('__Host-ss_session='))
  assert.ok(cookie, `a __Host- session cookie: ${home.headers['set-cookie']}`)
  assert.match(cookie, /;\s*Secure/i)
  assert.match(cookie, /;\s*Path=\//i)
  assert.doesNotMatch(cookie, /Domain=/i, '__Host- cookies carry no Domain')
  assert.match(cookie, /HttpOnly/i)

  // The cookie comes back over TLS and keeps the report's answers: after the first answer the
  // second question is shown, not the start again.
  const token = await csrf(c)
  const first = await c.post('/report-stalking/danger', { csrf: token, answer: 'no' })
  assert.equal(first.status, 303, first.body)
  assert.equal(first.headers.location, '/report-stalking/who-for')
  const second = await c.send('/report-stalking/who-for')
  assert.equal(second.status, 200)
  assert.match(second.body, /name="answer"/)
  c.close()
})

test('rate limits see each real client through the proxy, and a forged X-Forwarded-For nowhere', async () => {
  const base = `https://localhost:${httpsPort}`
  // Client A, over its quota of 120 anonymous posts (the service clock stands still).
  const a = client(base, CLIENT_A)
  assert.equal(await flood(a, 125), 120, 'client A is limited to its own quota')
  // A forged header through nginx is replaced: still client A, not a fresh client.
  const aForged = client(base, CLIENT_A, { 'x-forwarded-for': '198.51.100.77' })
  assert.equal(await flood(aForged, 5), 0, 'nginx replaces what the client claims')
  // Client B, another address behind the same proxy, has its own bucket.
  const b = client(base, CLIENT_B)
  assert.equal(await flood(b, 20), 20, 'client B is not limited by A')
  // Straight to the service (peer 127.0.0.1, not a trusted proxy), claiming to be A: the
  // header is ignored, so this is a client of its own and not limited.
  const direct = client(app.url, '127.0.0.1', { 'x-forwarded-for': CLIENT_A })
  assert.equal(await flood(direct, 10), 10, 'a forged X-Forwarded-For is not believed')
  for (const c of [a, aForged, b, direct]) c.close()
})

test('quick exit works over TLS: the session is ended and the browser told to clear', async () => {
  const c = client(`https://localhost:${httpsPort}`, CLIENT_B)
  await c.send('/feedback')
  assert.ok(c.jar.has('__Host-ss_session'))
  const exit = await c.send('/exit')
  assert.equal(exit.status, 303)
  assert.equal(exit.headers.location, EXIT_URL)
  assert.match(exit.headers['clear-site-data'], /"cookies"/)
  assert.match(exit.headers['strict-transport-security'], /max-age/)
  const expired = [exit.headers['set-cookie'] || []].flat().find((s) => s.startsWith('__Host-ss_session='))
  assert.ok(expired, 'the session cookie is expired')
  assert.match(expired, /Max-Age=0|expires=Thu, 01 Jan 1970/i)
  assert.match(expired, /;\s*Secure/i)
  c.close()
})
