// The dashboard's views. Each builds its DOM (text only through textContent, never HTML strings)
// into the given element, polls the admin API, and returns { stop } to end its polling.
import uPlot from './vendor/uPlot.esm.js';
import { del, get, segment, text, topicPath } from './api.js';

const POLL_MS = 1000;
const POINTS = 120;

/** Makes an element: el('td', { class: 'x' }, 'text', child, ...). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

/** Runs task now and every ms until stopped; a failing task reports and keeps polling. */
function poller(task, ms, report) {
  let timer = null;
  let stopped = false;
  const run = async () => {
    try {
      await task();
      report(null);
    } catch (error) {
      report(error);
    }
    if (!stopped) {
      timer = setTimeout(run, ms);
    }
  };
  run();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    now() {
      clearTimeout(timer);
      run();
    },
  };
}

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

function card(id, label, hint) {
  return el('div', { class: 'card' }, el('div', { class: 'label' }, label),
    el('div', { class: 'value', id }, '–'), hint ? el('div', { class: 'hint' }, hint) : null);
}

function chart(container, title, series, colors) {
  const width = Math.max(320, container.clientWidth - 32);
  const options = {
    title,
    width,
    height: 220,
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
    series: [{}, ...series.map((label, i) => ({ label, stroke: colors[i], width: 2, fill: colors[i] + '22',
      value: (u, v) => (v === null || v === undefined ? '–' : number.format(v)) }))],
    axes: [{}, { size: 60 }],
    legend: { live: true },
  };
  const data = [[], ...series.map(() => [])];
  const plot = new uPlot(options, data, container);
  return {
    push(time, values) {
      data[0].push(time);
      values.forEach((value, i) => data[i + 1].push(value));
      if (data[0].length > POINTS) {
        data.forEach((column) => column.shift());
      }
      plot.setData(data);
      container.dataset.points = String(data[0].length);
    },
    resize() {
      plot.setSize({ width: Math.max(320, container.clientWidth - 32), height: 220 });
    },
    destroy() {
      plot.destroy();
    },
  };
}

/** The sum and count of the storage commit timer in Prometheus text, or null. */
function commitTimer(prometheus) {
  if (!prometheus) {
    return null;
  }
  const sum = /^tern_storage_commit_seconds_sum(?:\{[^}]*\})? ([0-9.eE+-]+)$/m.exec(prometheus);
  const count = /^tern_storage_commit_seconds_count(?:\{[^}]*\})? ([0-9.eE+-]+)$/m.exec(prometheus);
  return sum && count ? { sum: Number(sum[1]), count: Number(count[1]) } : null;
}

export function overviewView(root, report) {
  const rates = el('div', { class: 'chart', id: 'rate-chart' });
  const clients = el('div', { class: 'chart', id: 'clients-chart' });
  root.append(
    el('h1', {}, 'Overview'),
    el('div', { class: 'cards' },
      card('stat-connected', 'Connected clients'),
      card('stat-sessions', 'Sessions'),
      card('stat-subscriptions', 'Subscriptions'),
      card('stat-retained', 'Retained messages'),
      card('rate-in', 'Messages in / s', 'PUBLISH received'),
      card('rate-out', 'Messages out / s', 'PUBLISH sent'),
      card('stat-dropped', 'Dropped', 'since start'),
      card('stat-commit', 'Storage commit', 'mean over the last second')),
    el('div', { class: 'charts' }, rates, clients));
  const rateChart = chart(rates, 'Messages per second', ['in', 'out', 'dropped'], ['#1f77b4', '#2ca02c', '#d62728']);
  const clientChart = chart(clients, 'Connected clients', ['connected'], ['#7f4fc9']);
  const resize = () => {
    rateChart.resize();
    clientChart.resize();
  };
  window.addEventListener('resize', resize);
  const set = (id, value) => {
    document.getElementById(id).textContent = value;
  };
  let previous = null;
  const poll = poller(async () => {
    const [summary, prometheus] = await Promise.all([get('/api/v1/metrics/summary'), text('/metrics')]);
    const now = performance.now();
    const commit = commitTimer(prometheus);
    set('stat-connected', number.format(summary.clients_connected));
    set('stat-sessions', number.format(summary.sessions));
    set('stat-subscriptions', number.format(summary.subscriptions));
    set('stat-retained', number.format(summary.retained_messages));
    set('stat-dropped', number.format(summary.publish_dropped));
    if (previous) {
      const seconds = (now - previous.now) / 1000;
      const rate = (name) => Math.max(0, (summary[name] - previous.summary[name]) / seconds);
      const inRate = rate('publish_received');
      const outRate = rate('publish_sent');
      const dropRate = rate('publish_dropped');
      set('rate-in', number.format(inRate));
      set('rate-out', number.format(outRate));
      if (commit && previous.commit && commit.count > previous.commit.count) {
        const ms = ((commit.sum - previous.commit.sum) / (commit.count - previous.commit.count)) * 1000;
        set('stat-commit', number.format(ms) + ' ms');
      } else {
        set('stat-commit', commit ? 'idle' : 'n/a');
      }
      const time = Date.now() / 1000;
      rateChart.push(time, [inRate, outRate, dropRate]);
      clientChart.push(time, [summary.clients_connected]);
    }
    previous = { now, summary, commit };
  }, POLL_MS, report);
  return {
    stop() {
      poll.stop();
      window.removeEventListener('resize', resize);
      rateChart.destroy();
      clientChart.destroy();
    },
  };
}

function kickButton(id, label, discard, after, report) {
  return el('button', {
    type: 'button', class: discard ? 'danger' : 'warn', 'data-kick': id,
    onclick: async () => {
      const what = discard ? 'Disconnect ' + id + ' and discard its session?' : 'Disconnect ' + id + '?';
      if (!window.confirm(what)) {
        return;
      }
      try {
        await del('/api/v1/clients/' + segment(id) + (discard ? '?session=true' : ''));
        after();
      } catch (error) {
        report(error);
      }
    },
  }, label);
}

function badge(connected) {
  return el('span', { class: connected ? 'badge on' : 'badge off' }, connected ? 'connected' : 'offline');
}

function when(text) {
  return text ? new Date(text).toLocaleString() : '–';
}

export function clientsView(root, report) {
  const search = el('input', { type: 'search', id: 'client-search', placeholder: 'client id starts with…',
    spellcheck: 'false' });
  const onlyConnected = el('input', { type: 'checkbox', id: 'only-connected' });
  const rows = el('tbody', { id: 'client-rows' });
  const summary = el('p', { class: 'muted', id: 'client-count' });
  let page = 1;
  const previousPage = el('button', { type: 'button', class: 'secondary', onclick: () => { page -= 1; poll.now(); } },
    '‹ Previous');
  const nextPage = el('button', { type: 'button', class: 'secondary', onclick: () => { page += 1; poll.now(); } },
    'Next ›');
  root.append(
    el('h1', {}, 'Clients'),
    el('div', { class: 'toolbar' }, search,
      el('label', { class: 'check' }, onlyConnected, ' connected only')),
    el('table', { class: 'grid' },
      el('thead', {}, el('tr', {}, ['Client id', 'State', 'User', 'Address', 'MQTT', 'Connected at', '']
        .map((heading) => el('th', {}, heading)))),
      rows),
    el('div', { class: 'pager' }, summary, previousPage, nextPage));
  const limit = 50;
  const poll = poller(async () => {
    const query = new URLSearchParams({ page: String(page), limit: String(limit) });
    if (search.value.trim()) {
      query.set('clientid', search.value.trim());
    }
    if (onlyConnected.checked) {
      query.set('connected', 'true');
    }
    const list = await get('/api/v1/clients?' + query);
    rows.replaceChildren(...list.items.map((client) => el('tr', { 'data-client': client.clientid },
      el('td', {}, el('a', { href: '#/clients/' + segment(client.clientid) }, client.clientid)),
      el('td', {}, badge(client.connected)),
      el('td', {}, client.username ?? '–'),
      el('td', { class: 'mono' }, client.address ?? '–'),
      el('td', {}, client.protocol === 5 ? '5' : client.protocol === 4 ? '3.1.1' : client.protocol ?? '–'),
      el('td', {}, when(client.connected_at)),
      el('td', { class: 'actions' }, client.connected ? kickButton(client.clientid, 'Kick', false, () => poll.now(), report)
        : kickButton(client.clientid, 'Remove session', true, () => poll.now(), report)))));
    if (list.items.length === 0) {
      rows.append(el('tr', {}, el('td', { colspan: 7, class: 'muted' }, 'No sessions match.')));
    }
    const first = list.total === 0 ? 0 : (list.page - 1) * list.limit + 1;
    summary.textContent = first + '–' + ((list.page - 1) * list.limit + list.items.length) + ' of ' + list.total;
    previousPage.disabled = list.page <= 1;
    nextPage.disabled = list.page * list.limit >= list.total;
  }, 2 * POLL_MS, report);
  search.addEventListener('input', () => { page = 1; poll.now(); });
  onlyConnected.addEventListener('change', () => { page = 1; poll.now(); });
  return poll;
}

function field(label, value) {
  return [el('dt', {}, label), el('dd', {}, value)];
}

export function clientDetailView(root, id, report) {
  const body = el('div', {});
  root.append(el('p', {}, el('a', { href: '#/clients' }, '‹ All clients')), el('h1', { class: 'mono' }, id), body);
  const poll = poller(async () => {
    let client;
    try {
      client = await get('/api/v1/clients/' + segment(id));
    } catch (error) {
      if (/no session/.test(error.message)) {
        body.replaceChildren(el('p', { class: 'muted', id: 'no-session' }, 'No session for this client (any more).'));
        return;
      }
      throw error;
    }
    body.replaceChildren(
      el('div', { class: 'toolbar' }, badge(client.connected),
        client.connected ? kickButton(id, 'Kick', false, () => poll.now(), report) : null,
        kickButton(id, 'Kick and discard session', true, () => poll.now(), report)),
      el('dl', { class: 'facts' },
        field('User', client.username ?? '–'),
        field('Address', client.address ?? '–'),
        field('MQTT', client.protocol === 5 ? '5' : client.protocol === 4 ? '3.1.1' : client.protocol ?? '–'),
        field('Connected at', when(client.connected_at)),
        field('Session expiry', client.session_expiry === null ? '–' : client.session_expiry + ' s'),
        field('Queued messages', number.format(client.queued)),
        field('In flight', number.format(client.inflight))),
      el('h2', {}, 'Subscriptions (' + client.subscriptions.length + ')'),
      el('table', { class: 'grid' },
        el('thead', {}, el('tr', {}, ['Filter', 'QoS', 'No local', 'Retain as published', 'Retain handling',
          'Subscription id'].map((heading) => el('th', {}, heading)))),
        el('tbody', { id: 'subscription-rows' }, client.subscriptions.length === 0
          ? el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'None.'))
          : client.subscriptions.map((s) => el('tr', {},
            el('td', { class: 'mono' }, s.filter), el('td', {}, s.qos), el('td', {}, s.no_local ? 'yes' : 'no'),
            el('td', {}, s.retain_as_published ? 'yes' : 'no'), el('td', {}, s.retain_handling),
            el('td', {}, s.subscription_id ?? '–'))))));
  }, 2 * POLL_MS, report);
  return poll;
}

export function retainedView(root, report) {
  const filter = el('input', { type: 'search', id: 'retained-filter', value: '#', spellcheck: 'false',
    placeholder: 'topic filter, e.g. sensors/+/temp' });
  const rows = el('tbody', { id: 'retained-rows' });
  const summary = el('p', { class: 'muted', id: 'retained-count' });
  const viewer = el('div', { class: 'viewer', id: 'retained-viewer', hidden: true });
  root.append(
    el('h1', {}, 'Retained messages'),
    el('form', { class: 'toolbar', onsubmit: (event) => { event.preventDefault(); poll.now(); } },
      filter, el('button', { type: 'submit' }, 'Filter')),
    el('table', { class: 'grid' },
      el('thead', {}, el('tr', {}, ['Topic', 'QoS', 'Payload', 'Publisher', '']
        .map((heading) => el('th', {}, heading)))),
      rows),
    summary, viewer);
  const show = async (topic) => {
    try {
      const message = await get('/api/v1/retained/' + topicPath(topic));
      viewer.hidden = false;
      viewer.replaceChildren(
        el('h2', { class: 'mono' }, message.topic),
        el('p', { class: 'muted' }, 'QoS ' + message.qos + ' · from ' + (message.publisher ?? 'unknown')),
        el('pre', {}, message.payload ?? '(binary) base64: ' + message.payload_base64));
    } catch (error) {
      report(error);
    }
  };
  const remove = async (topic) => {
    if (!window.confirm('Delete the retained message on ' + topic + '?')) {
      return;
    }
    try {
      await del('/api/v1/retained/' + topicPath(topic));
      viewer.hidden = true;
      poll.now();
    } catch (error) {
      report(error);
    }
  };
  const poll = poller(async () => {
    const query = new URLSearchParams({ filter: filter.value.trim() || '#', limit: '100' });
    const list = await get('/api/v1/retained?' + query);
    rows.replaceChildren(...list.items.map((message) => el('tr', { 'data-topic': message.topic },
      el('td', { class: 'mono' }, el('a', { href: '#/retained', onclick: (event) => { event.preventDefault(); show(message.topic); } },
        message.topic)),
      el('td', {}, message.qos),
      el('td', { class: 'payload' }, message.payload === null ? '(binary, ' + atob(message.payload_base64).length + ' bytes)'
        : message.payload.length > 80 ? message.payload.slice(0, 80) + '…' : message.payload),
      el('td', { class: 'mono' }, message.publisher ?? '–'),
      el('td', { class: 'actions' }, el('button', { type: 'button', class: 'danger', 'data-delete': message.topic,
        onclick: () => remove(message.topic) }, 'Delete')))));
    if (list.items.length === 0) {
      rows.append(el('tr', {}, el('td', { colspan: 5, class: 'muted' }, 'No retained messages match.')));
    }
    summary.textContent = list.items.length + ' of ' + list.total + ' shown';
  }, 5 * POLL_MS, report);
  return poll;
}
