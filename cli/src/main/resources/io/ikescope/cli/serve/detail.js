// One negotiation: verdict, explanation and fix with links to its frames, the ladder (click a message for its
// decoded payloads), offered versus chosen per phase with the differing attributes marked, and findings.
import { el, clear, api } from './dom.js';
import { ladder } from './ladder.js';

const PHASE1_COLUMNS = ['encryption', 'hash', 'prf', 'integrity', 'dhGroup', 'authMethod', 'lifetimeSeconds'];
const PHASE2_COLUMNS = ['encryption', 'integrity', 'dhGroup', 'esn', 'lifetimeSeconds'];

export function showNegotiation(section, n, report) {
  clear(section);
  const put = (...nodes) => section.append(...nodes.filter((x) => x !== null && x !== undefined));
  const v = n.verdict;
  const frameLinks = (frames) => (frames || []).map((f) => el('button', { type: 'button', class: 'frame-link',
    'data-frame': f, onclick: () => chart.selectFrame(f) }, `frame ${f}`));
  const payloads = el('div', { class: 'payloads', 'aria-live': 'polite' },
    el('p', { class: 'hint' }, 'Click a message to see its payloads.'));
  const chart = ladder(n, (m) => showPayloads(payloads, n, m));
  put(
    el('h2', {}, `Negotiation #${n.id}: `, el('span', { class: v.code === 'ESTABLISHED' ? 'code ok' : 'code' }, v.code),
      ` (${v.certainty}${v.phase ? ', phase ' + v.phase : ''})`),
    el('p', { class: 'summary' }, v.summary),
    el('p', { class: 'explanation' }, ...withFrameLinks(v.explanation || '', (f) => chart.selectFrame(f))),
    v.fix ? el('p', { class: 'fix' }, el('strong', {}, 'Fix: '), v.fix) : null,
    el('p', { class: 'evidence' }, 'Evidence: ', ...(v.evidence && v.evidence.length ? frameLinks(v.evidence) : ['none'])),
    alternatives(v, frameLinks),
    el('div', { class: 'ladder-and-payloads' }, el('div', { class: 'ladder-box' }, chart), payloads),
    proposals('Phase 1 (IKE SA)', n.phase1 ? [n.phase1] : [], PHASE1_COLUMNS, v.phase === 1 ? v.mismatch : null),
    proposals('Phase 2 (child SAs)', n.phase2 || [], PHASE2_COLUMNS, v.phase === 2 ? v.mismatch : null),
    findings(n, frameLinks),
    el('p', { class: 'meta' }, `Capture ${n.input}, frames ${n.firstFrame}-${n.lastFrame}, SPIs ${n.spiI} / `
      + `${n.spiR ?? '-'}, decryption: ${n.decryption}`));
}

// "frame 4", "frames 3 and 4", "frames 7/8": each number a button that selects its message; the rest stays text.
export function withFrameLinks(text, select) {
  const parts = [];
  const mention = /\bframes? (\d+(?:(?:, | and |\/|-)\d+)*)/g;
  let last = 0;
  for (const m of text.matchAll(mention)) {
    parts.push(text.substring(last, m.index));
    const words = m[0].substring(0, m[0].length - m[1].length);
    parts.push(words);
    for (const piece of m[1].split(/(\d+)/)) {
      if (/^\d+$/.test(piece)) {
        const frame = Number(piece);
        parts.push(el('button', { type: 'button', class: 'frame-link inline', 'data-frame': frame,
          onclick: () => select(frame) }, piece));
      } else if (piece) {
        parts.push(piece);
      }
    }
    last = m.index + m[0].length;
  }
  parts.push(text.substring(last));
  return parts.filter((p) => p !== '');
}

function alternatives(v, frameLinks) {
  const list = (v.alternatives || []);
  if (list.length === 0) return null;
  return el('details', { class: 'alternatives' }, el('summary', {}, `Other causes weighed (${list.length})`),
    el('ul', {}, ...list.map((a) => el('li', {}, el('span', { class: 'code' }, a.code), ' ',
      a.ruledOut ? 'ruled out: ' : (a.candidate ? 'still possible: ' : ''), a.reason, ' ', ...frameLinks(a.frames)))));
}

function findings(n, frameLinks) {
  const list = n.findings || [];
  return el('section', { class: 'findings' }, el('h3', {}, `Findings (${list.length})`),
    list.length === 0 ? el('p', {}, 'none') : el('ul', {}, ...list.map((f) => el('li', { class: f.severity },
      el('span', { class: 'code' }, f.code), ` ${f.severity}: ${f.message} `, ...frameLinks(f.frames)))));
}

function display(value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

// Offered proposals and the chosen one in one table per SA; a cell is marked where it differs from what was chosen
// or, when nothing was chosen, where the verdict names the attribute that kept the sides apart.
function proposals(title, phases, columns, mismatch) {
  const named = new Map((mismatch || []).map((m) => [m.attribute, m]));
  const box = el('section', { class: 'proposals' }, el('h3', {}, title));
  if (phases.length === 0) {
    box.append(el('p', {}, 'none seen'));
    return box;
  }
  phases.forEach((p, i) => {
    const offered = p.offered || [];
    // the verdict's mismatch belongs to the SA nothing was chosen for
    const wanted = p.chosen ? new Map() : named;
    const used = columns.filter((c) => offered.some((o) => o[c] !== null && o[c] !== undefined)
      || (p.chosen && p.chosen[c] !== null && p.chosen[c] !== undefined));
    const head = el('tr', {}, el('th', {}, ''), ...used.map((c) => el('th', { class: wanted.has(c) ? 'differs' : null }, c)));
    const rows = offered.map((o) => el('tr', { class: 'offered' }, el('th', {}, `offered #${o.proposal}`),
      ...used.map((c) => {
        // a value the offer does not carry (IKEv2's authentication method) cannot differ
        const absent = o[c] === null || o[c] === undefined;
        const differs = !absent && (p.chosen ? display(o[c]) !== display(p.chosen[c]) : wanted.has(c));
        return el('td', { class: differs ? 'differs' : null, title: differs && wanted.has(c)
          ? `the other side wants ${display(wanted.get(c).wanted)}` : null }, display(o[c]));
      })));
    const chosen = el('tr', { class: 'chosen' }, el('th', {}, 'chosen'),
      ...used.map((c) => el('td', {}, p.chosen ? display(p.chosen[c]) : (i === 0 && c === used[0] ? 'nothing' : ''))));
    const caption = [p.status];
    if (p.exchange) caption.push(p.exchange);
    if (p.protocol) caption.push(`${p.protocol} ${p.mode ?? ''}`.trim());
    if (p.pfsGroup !== undefined) caption.push(`PFS group ${p.pfsGroup ?? 'none'}`);
    const wantedRows = [...wanted.values()].filter((m) => used.includes(m.attribute));
    box.append(el('table', { class: 'proposal-table' }, el('caption', {}, caption.join(', ')),
      el('thead', {}, head), el('tbody', {}, ...rows, chosen)));
    if (p.trafficSelectors) {
      box.append(el('p', { class: 'selectors' }, `Traffic selectors: initiator ${display(p.trafficSelectors.initiator)}`
        + ` | responder ${display(p.trafficSelectors.responder)}`));
    }
    for (const m of wantedRows) {
      box.append(el('p', { class: 'differs-note' }, `${m.attribute}: offered ${display(m.offered)}, the other side `
        + `wants ${display(m.wanted)}`));
    }
  });
  return box;
}

async function showPayloads(box, n, m) {
  clear(box).append(el('h3', {}, `Frame ${m.frame}: ${m.exchange} ${m.step}`), el('p', { class: 'hint' }, 'decoding ...'));
  try {
    const query = new URLSearchParams({ input: n.input, frame: m.frame });
    const decoded = await api('/api/analysis/frame?' + query);
    clear(box).append(el('h3', {}, `Frame ${m.frame}: ${m.exchange} ${m.step} from the ${m.from}`));
    if (decoded.length === 0) box.append(el('p', {}, 'no IKE message decoded in this frame'));
    for (const message of decoded) {
      box.append(el('p', { class: 'decryption' }, `decryption: ${message.decryption}`
        + (message.decryptionError ? ` (${message.decryptionError})` : '')));
      box.append(el('ol', { class: 'payload-list' }, ...(message.payloads || []).map(payload)));
      if (message.errors && message.errors.length) {
        box.append(el('ul', { class: 'errors' }, ...message.errors.map((e) => el('li', {}, display(e.message ?? e)))));
      }
    }
  } catch (e) {
    clear(box).append(el('p', { class: 'error' }, e.message));
  }
}

const SKIP = new Set(['type', 'name', 'nextPayload', 'length', 'payloads']);

// A proposal on one line, its transforms one per line with their attributes: "ENCR_AES_CBC (Key Length 256)".
function proposalList(proposals) {
  return el('ol', { class: 'proposal-list' }, ...proposals.map((p) => el('li', {},
    el('span', { class: 'proposal-head' }, `#${p.number} ${p.protocol}` + (p.spi ? ` SPI ${p.spi}` : '')),
    el('ul', {}, ...(p.transforms || []).map((t) => el('li', {}, transformText(t)))))));
}

function transformText(t) {
  const attributes = (t.attributes || []).map((a) => `${a.name} ${a.valueName ?? a.text ?? a.value}`);
  return `${t.name ?? t.id}` + (attributes.length ? ` (${attributes.join(', ')})` : '');
}

// One payload: its name as the summary, its fields as a definition list; nested payloads (decrypted SK, proposals,
// transforms) open inside it.
function payload(p) {
  const fields = el('dl', {});
  for (const [k, value] of Object.entries(p)) {
    if (SKIP.has(k)) continue;
    fields.append(el('dt', {}, k), el('dd', {}, k === 'proposals' && Array.isArray(value) ? proposalList(value) : render(value)));
  }
  const inner = p.payloads ? el('ol', { class: 'payload-list' }, ...p.payloads.map(payload)) : null;
  return el('li', { class: 'payload' }, el('details', { open: true },
    el('summary', {}, `${p.name}`, el('span', { class: 'ptype' }, ` (type ${p.type}, ${p.length} bytes)`)),
    fields, inner));
}

function render(value) {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value)) {
    if (value.every((x) => typeof x !== 'object' || x === null)) return value.join(', ');
    return el('ol', {}, ...value.map((x) => el('li', {}, render(x))));
  }
  if (typeof value === 'object') {
    const dl = el('dl', {});
    for (const [k, v] of Object.entries(value)) dl.append(el('dt', {}, k), el('dd', {}, render(v)));
    return dl;
  }
  return String(value);
}
