// The negotiation table: one row per negotiation, sorted by any column (click its header), filtered by text and
// by verdict.
import { el, clear } from './dom.js';

function endpoint(e) {
  return e.port === 500 || e.port === null ? e.address : `${e.address}:${e.port}`;
}

export function rowValues(n) {
  return {
    id: Number(n.id),
    verdict: n.verdict.code,
    certainty: n.verdict.certainty,
    initiator: endpoint(n.initiator),
    responder: endpoint(n.responder),
    version: n.ikeVersion === 1 ? `IKEv1 ${n.exchangeMode}` : 'IKEv2',
    start: n.start,
    duration: n.durationSeconds,
    summary: n.verdict.summary,
  };
}

export class NegotiationTable {
  constructor(table, filter, verdictFilter, shown, onOpen) {
    this.table = table;
    this.filter = filter;
    this.verdictFilter = verdictFilter;
    this.shown = shown;
    this.onOpen = onOpen;
    this.rows = [];
    this.sortKey = 'id';
    this.ascending = true;
    for (const th of table.tHead.rows[0].cells) {
      th.tabIndex = 0;
      const sort = () => this.sortBy(th.dataset.key);
      th.addEventListener('click', sort);
      th.addEventListener('keydown', (e) => { if (e.key === 'Enter') sort(); });
    }
    filter.addEventListener('input', () => this.render());
    verdictFilter.addEventListener('change', () => this.render());
  }

  show(negotiations) {
    this.rows = negotiations.map((n) => ({ n, v: rowValues(n) }));
    const verdicts = [...new Set(this.rows.map((r) => r.v.verdict))].sort();
    const keep = this.verdictFilter.value;
    clear(this.verdictFilter).append(el('option', { value: '' }, 'every verdict'),
      ...verdicts.map((v) => el('option', { value: v }, v)));
    this.verdictFilter.value = verdicts.includes(keep) ? keep : '';
    this.render();
  }

  sortBy(key) {
    this.ascending = this.sortKey === key ? !this.ascending : true;
    this.sortKey = key;
    this.render();
  }

  render() {
    const text = this.filter.value.trim().toLowerCase();
    const verdict = this.verdictFilter.value;
    const key = this.sortKey;
    const sign = this.ascending ? 1 : -1;
    const rows = this.rows
      .filter((r) => !verdict || r.v.verdict === verdict)
      .filter((r) => !text || Object.values(r.v).some((x) => String(x ?? '').toLowerCase().includes(text)))
      .sort((a, b) => {
        const x = a.v[key];
        const y = b.v[key];
        if (x === y) return a.v.id - b.v.id;
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        return (typeof x === 'number' ? x - y : String(x).localeCompare(String(y))) * sign;
      });
    for (const th of this.table.tHead.rows[0].cells) {
      th.setAttribute('aria-sort', th.dataset.key === key ? (this.ascending ? 'ascending' : 'descending') : 'none');
    }
    const body = clear(this.table.tBodies[0]);
    for (const r of rows) {
      const tr = el('tr', { 'data-id': r.n.id, class: r.n.verdict.code === 'ESTABLISHED' ? 'ok' : 'failed',
        tabIndex: 0, onclick: () => this.onOpen(r.n),
        onkeydown: (e) => { if (e.key === 'Enter') this.onOpen(r.n); } });
      for (const th of this.table.tHead.rows[0].cells) {
        const value = r.v[th.dataset.key];
        tr.append(el('td', { class: th.dataset.key }, value === null || value === undefined ? '' : value));
      }
      body.append(tr);
    }
    this.shown.textContent = `${rows.length} of ${this.rows.length} negotiations`;
  }
}
