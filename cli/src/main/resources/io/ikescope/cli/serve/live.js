// The live page: ikescope watch's events as they come (Server-Sent Events), one row per negotiation, newest on top.
import { el, clear } from './dom.js';

const rows = new Map();
const body = document.querySelector('#negotiations tbody');
const status = document.getElementById('status');

function endpoint(e) {
  return e.port === 500 ? e.address : `${e.address}:${e.port}`;
}

function show(event) {
  const n = event.negotiation;
  const v = event.verdict;
  const cells = [n.id, event.event + (event.previous ? ` (was ${event.previous})` : ''), v.code, v.certainty,
    endpoint(n.initiator), endpoint(n.responder), n.ikeVersion === 1 ? `IKEv1 ${n.exchangeMode}` : 'IKEv2',
    event.time, v.summary];
  const tr = el('tr', { 'data-id': n.id, class: v.code === 'ESTABLISHED' ? 'ok' : 'failed' },
    ...cells.map((c, i) => el('td', { class: ['id', 'event', 'verdict'][i] || null }, c ?? '')));
  const old = rows.get(n.id);
  if (old) old.remove();
  rows.set(n.id, tr);
  body.prepend(tr);
}

const source = new EventSource('/api/live');
source.addEventListener('watch', (e) => show(JSON.parse(e.data)));
source.addEventListener('status', (e) => {
  const s = JSON.parse(e.data);
  document.getElementById('source').textContent = s.source;
  status.textContent = s.status;
  if (s.status.startsWith('ended')) source.close();
});
source.onerror = () => { status.textContent = 'connection lost; reload the page to reconnect'; };
clear(body);
