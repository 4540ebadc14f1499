// Proof of work on the send step, only while the service is under load (the
// server decides; see src/http/abuse/pow.rs). Find a number n such that
// SHA-256(`${challenge}:${n}`) starts with the number of zero bits the
// challenge names, put it in the form, and let the form go.
//
// The work starts as soon as the page opens, so it is usually done before the
// Send button is pressed. Without Web Crypto (an old browser, or a page not
// served over HTTPS) the form is sent without an answer and the server applies
// its stricter limit instead: nobody is stopped from reporting.

const BATCH = 256

function zeroBits (bytes) {
  let bits = 0
  for (const b of bytes) {
    if (b !== 0) return bits + Math.clz32(b) - 24
    bits += 8
  }
  return bits
}

// Web Crypto is asynchronous: hashes are computed in batches and awaited
// together, which also keeps the page responsive.
export async function solve (challenge) {
  const bits = Number(challenge.split('.')[2])
  const encoder = new TextEncoder()
  for (let start = 0; ; start += BATCH) {
    const hashes = await Promise.all(Array.from({ length: BATCH }, (_, i) =>
      crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${start + i}`))))
    for (let i = 0; i < BATCH; i++) {
      if (zeroBits(new Uint8Array(hashes[i])) >= bits) return String(start + i)
    }
  }
}

export function initProofOfWork (form) {
  const challenge = form.querySelector('input[name="pow_challenge"]')
  const answer = form.querySelector('input[name="pow_answer"]')
  const status = form.querySelector('.app-pow-status')
  if (!challenge || !answer || !globalThis.crypto?.subtle) return
  const ready = solve(challenge.value).then((n) => { answer.value = n })
  let sending = false
  form.addEventListener('submit', (event) => {
    if (answer.value) return
    event.preventDefault()
    if (sending) return
    sending = true
    if (status) status.textContent = status.dataset.sending
    // Whatever happens, the form is sent: at worst without an answer.
    ready.catch(() => {}).finally(() => form.submit())
  })
}
