// The page: uploads, the diagnosis run and its progress, then the negotiation table and one negotiation's view.
import { el, clear, api, sizeText } from './dom.js';
import { NegotiationTable } from './table.js';
import { showNegotiation } from './detail.js';

const $ = (id) => document.getElementById(id);
let limits = null;
let report = null;
const table = new NegotiationTable($('negotiations'), $('filter'), $('verdict-filter'), $('shown'), open);

const CAPTURE_MAGIC = ['d4c3b2a1', 'a1b2c3d4', '4d3cb2a1', 'a1b23c4d', '0a0d0d0a'];

// The controls work at once; an upload chosen before the session has loaded waits for it (it brings the limits).
let ready = null;

function wire() {
  for (const [id, kind] of [['pick-capture', 'capture'], ['pick-keys', 'keys'],
    ['pick-config-a', 'config-a'], ['pick-config-b', 'config-b']]) {
    $(id).addEventListener('change', async (e) => {
      const files = [...e.target.files];
      e.target.value = '';
      await uploadAll(files, () => kind);
    });
  }
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const files = [...e.dataTransfer.files];
    const kinds = new Map();
    for (const f of files) kinds.set(f, await looksLikeCapture(f) ? 'capture' : 'keys');
    await uploadAll(files, (f) => kinds.get(f));
  });
  $('diagnose').addEventListener('click', diagnose);
}

async function start() {
  const session = await api('/api/session');
  limits = session.limits;
  $('limits').textContent = `Up to ${session.limits.maxUploadText} per file, ${session.limits.maxSessionText} and `
    + `${session.limits.maxFiles} files per session; files stay on this machine and are deleted when the server stops.`;
  $('live-link').hidden = !session.live;
  showFiles(session.files);
  document.body.dataset.ready = 'true';
  if (session.analysis) follow(session.analysis);
}

async function looksLikeCapture(file) {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const hex = [...head].map((b) => b.toString(16).padStart(2, '0')).join('');
  return CAPTURE_MAGIC.includes(hex) || hex.startsWith('1f8b');
}

function say(text, kind = 'error') {
  const m = $('message');
  m.textContent = text;
  m.className = kind;
}

async function uploadAll(files, kindOf) {
  await ready;
  say('', 'info');
  for (const file of files) {
    // the server refuses it too; saying so before sending spares the upload
    if (file.size > limits.maxUpload) {
      say(`${file.name} (${sizeText(file.size)}) is larger than the ${limits.maxUploadText} this server accepts`
        + ' per file (serve --max-upload)');
      continue;
    }
    try {
      say(`uploading ${file.name} ...`, 'info');
      const query = new URLSearchParams({ kind: kindOf(file), name: file.name });
      await api('/api/files?' + query, { method: 'POST', body: file });
      say('', 'info');
    } catch (e) {
      say(e.message);
    }
  }
  const session = await api('/api/session');
  showFiles(session.files);
}

const KIND_TEXT = { capture: 'capture', keys: 'keys', 'config-a': 'configuration A', 'config-b': 'configuration B' };

function showFiles(files) {
  const list = clear($('files'));
  for (const f of files) {
    list.append(el('li', { 'data-kind': f.kind },
      el('span', { class: 'kind' }, KIND_TEXT[f.kind] || f.kind), ' ',
      el('span', { class: 'name' }, f.name), ' ',
      el('span', { class: 'size' }, sizeText(f.size)), ' ',
      el('button', { type: 'button', class: 'remove', title: 'remove', 'aria-label': 'remove ' + f.name,
        onclick: async () => { showFiles((await api('/api/files/' + f.id, { method: 'DELETE' })).files || []); } },
        '×')));
  }
  $('diagnose').disabled = !files.some((f) => f.kind === 'capture');
}

async function diagnose() {
  say('', 'info');
  $('diagnose').disabled = true;
  try {
    follow(await api('/api/analysis', { method: 'POST' }));
  } catch (e) {
    say(e.message);
    $('diagnose').disabled = false;
  }
}

async function follow(status) {
  const bar = $('progress');
  const text = $('progress-text');
  bar.hidden = false;
  while (status && status.state === 'running') {
    bar.max = Math.max(status.totalBytes, 1);
    bar.value = status.bytesRead;
    text.textContent = `${status.step}: ${sizeText(status.bytesRead)} of ${sizeText(status.totalBytes)}`;
    await new Promise((r) => setTimeout(r, 200));
    status = await api('/api/analysis');
  }
  bar.hidden = true;
  text.textContent = '';
  $('diagnose').disabled = false;
  if (!status) return;
  if (status.state !== 'done') {
    say(status.error || `the diagnosis ${status.state}`);
    return;
  }
  report = await api('/api/analysis/report.json');
  showReport();
}

function showReport() {
  $('results').hidden = false;
  $('detail').hidden = true;
  table.show(report.negotiations);
  const warnings = clear($('warnings'));
  for (const input of report.inputs) {
    for (const w of input.warnings) warnings.append(el('li', {}, `${input.path}: ${w}`));
  }
  if (report.negotiations.length === 0) say('No IKE negotiation in these captures.', 'info');
}

function open(negotiation) {
  showNegotiation($('detail'), negotiation, report);
  $('detail').hidden = false;
  $('detail').scrollIntoView({ block: 'start' });
}

wire();
ready = start().catch((e) => say(e.message));
