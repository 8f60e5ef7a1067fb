// Every piece of capture data reaches the page through textContent or an attribute value set here: nothing is ever
// parsed as markup, so a peer's ID or vendor string can hold <script> and stay text.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAll(node, attrs);
  append(node, children);
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  setAll(node, attrs);
  append(node, children);
  return node;
}

function setAll(node, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) {
      node.addEventListener(k.substring(2), v);
    } else if (k === 'class') {
      node.setAttribute('class', v);
    } else {
      node.setAttribute(k, v === true ? '' : String(v));
    }
  }
}

function append(node, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

// Asks the server; a refusal's {"error": ...} becomes the thrown message.
export async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (options.method && options.method !== 'GET') headers['X-Ikescope'] = '1';
  const response = await fetch(path, Object.assign({}, options, { headers, credentials: 'same-origin' }));
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
  if (!response.ok) {
    throw new Error(body && body.error ? body.error : `${response.status} ${response.statusText}`);
  }
  return body;
}

export function sizeText(bytes) {
  if (bytes >= 1e9) return trim(bytes / 1e9) + ' GB';
  if (bytes >= 1e6) return trim(bytes / 1e6) + ' MB';
  if (bytes >= 1e3) return trim(bytes / 1e3) + ' KB';
  return bytes + (bytes === 1 ? ' byte' : ' bytes');
}

function trim(v) {
  const s = v.toFixed(1);
  return s.endsWith('.0') ? s.substring(0, s.length - 2) : s;
}
