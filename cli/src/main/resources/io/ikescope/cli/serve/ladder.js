// The ladder diagram: the two peers as lifelines, each message an arrow from its sender, in capture order.
// Clicking a message (or pressing Enter on it) selects it; evidence frames are marked.
import { svg } from './dom.js';

const LEFT = 150;
const RIGHT = 570;
const TOP = 56;
const STEP = 46;

function label(m) {
  const step = m.step === 'request' || m.step === 'response' ? `${m.exchange} ${m.step}` : `${m.step} (${m.exchange})`;
  const marks = [];
  if (m.retransmission) marks.push('retransmission');
  if (m.fragment) marks.push(`fragment ${m.fragment.number ?? ''}`.trim());
  if (m.encrypted) marks.push(m.decrypted ? 'decrypted' : 'encrypted');
  if (m.purpose) marks.push(m.purpose);
  return `${m.frame}: ${step}` + (marks.length ? ` [${marks.join(', ')}]` : '');
}

export function ladder(negotiation, onSelect) {
  const messages = negotiation.messages;
  const evidence = new Set(negotiation.verdict.evidence || []);
  const height = TOP + messages.length * STEP + 20;
  const root = svg('svg', { class: 'ladder', viewBox: `0 0 720 ${height}`, width: 720, height,
    role: 'img', 'aria-label': `ladder diagram of negotiation ${negotiation.id}` });
  root.append(svg('defs', {},
    svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7,
      orient: 'auto-start-reverse' }, svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }))));
  const peer = (x, title, e) => [
    svg('text', { x, y: 18, class: 'peer', 'text-anchor': 'middle' }, title),
    svg('text', { x, y: 36, class: 'address', 'text-anchor': 'middle' }, `${e.address}:${e.port}`),
    svg('line', { x1: x, y1: 44, x2: x, y2: height - 8, class: 'lifeline' }),
  ];
  root.append(...peer(LEFT, 'initiator', negotiation.initiator), ...peer(RIGHT, 'responder', negotiation.responder));
  const groups = [];
  messages.forEach((m, i) => {
    const y = TOP + i * STEP + 24;
    const fromLeft = m.from === 'initiator';
    const classes = ['message', m.from];
    if (m.retransmission) classes.push('retransmission');
    if (evidence.has(m.frame)) classes.push('evidence');
    const g = svg('g', { class: classes.join(' '), tabindex: 0, 'data-frame': m.frame, role: 'button',
      'aria-label': label(m) },
      svg('rect', { x: LEFT - 10, y: y - 22, width: RIGHT - LEFT + 20, height: STEP - 6, class: 'hit' }),
      svg('text', { x: (LEFT + RIGHT) / 2, y: y - 7, 'text-anchor': 'middle', class: 'label' }, label(m)),
      svg('line', { x1: fromLeft ? LEFT : RIGHT, y1: y, x2: fromLeft ? RIGHT - 2 : LEFT + 2, y2: y,
        class: 'arrow', 'marker-end': 'url(#arrow)' }),
      svg('text', { x: fromLeft ? LEFT - 14 : RIGHT + 14, y: y + 4, 'text-anchor': fromLeft ? 'end' : 'start',
        class: 'time' }, m.time ? m.time.substring(11, 23) : ''));
    const select = () => {
      for (const other of groups) other.classList.remove('selected');
      g.classList.add('selected');
      onSelect(m);
    };
    g.addEventListener('click', select);
    g.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(); } });
    g.select = select;
    groups.push(g);
    root.append(g);
  });
  root.selectFrame = (frame) => {
    const g = groups.find((x) => Number(x.dataset.frame) === frame);
    if (g) g.select();
    return Boolean(g);
  };
  return root;
}
