// The Watch view: the messages routed to a topic filter, live, from /api/v1/watch (Server-Sent
// Events read with fetch and the API key). Text only through textContent; the last 200 kept.
import { stream } from './api.js';

const KEEP = 200;

function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    node.textContent = String(text);
  }
  return node;
}

function payloadText(message) {
  if (message.payload_base64 !== undefined) {
    return '(binary) base64: ' + message.payload_base64;
  }
  return message.truncated ? message.payload + ' … (' + message.size + ' bytes)' : message.payload;
}

export function watchView(root, report) {
  const filter = el('input', { type: 'search', id: 'watch-filter', value: '#', spellcheck: 'false',
    placeholder: 'topic filter, e.g. sensors/+/temp' });
  const start = el('button', { type: 'submit', id: 'watch-start' }, 'Start');
  const stop = el('button', { type: 'button', id: 'watch-stop' }, 'Stop');
  stop.disabled = true;
  const state = el('p', { class: 'muted', id: 'watch-state' }, 'Not watching.');
  const rows = el('tbody', { id: 'watch-rows' });
  const form = el('form', { class: 'toolbar' });
  form.append(filter, start, stop);
  const head = el('tr');
  for (const heading of ['Time', 'Topic', 'QoS', 'Retain', 'Payload']) {
    head.append(el('th', {}, heading));
  }
  const thead = el('thead');
  thead.append(head);
  const table = el('table', { class: 'grid' });
  table.append(thead, rows);
  root.append(el('h1', {}, 'Watch a topic filter'), form, state, table);

  let controller = null;
  const add = (message) => {
    const row = el('tr', { class: 'watch-row' });
    row.append(el('td', { class: 'mono' }, new Date(message.at).toLocaleTimeString()),
      el('td', { class: 'mono' }, message.topic), el('td', {}, message.qos),
      el('td', {}, message.retain ? 'yes' : ''), el('td', { class: 'payload' }, payloadText(message)));
    rows.prepend(row);
    while (rows.childElementCount > KEEP) {
      rows.lastElementChild.remove();
    }
  };
  const halt = (text) => {
    if (controller) {
      controller.abort();
      controller = null;
    }
    start.disabled = false;
    stop.disabled = true;
    state.textContent = text;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    halt('');
    const watching = filter.value.trim() || '#';
    const mine = new AbortController();
    controller = mine;
    let count = 0;
    let dropped = 0;
    rows.replaceChildren();
    start.disabled = true;
    stop.disabled = false;
    state.textContent = 'Watching ' + watching + ' …';
    const onEvent = (name, data) => {
      if (name === 'end') {
        state.textContent = 'The broker ended the watch (' + data.reason + ').';
        return;
      }
      if (name === 'dropped') {
        dropped += data.dropped;
      } else {
        count += 1;
        add(data);
      }
      state.textContent = 'Watching ' + watching + ': ' + count + ' message(s)'
        + (dropped > 0 ? ', ' + dropped + ' dropped (too fast to show)' : '');
    };
    stream('/api/v1/watch?' + new URLSearchParams({ filter: watching }), mine.signal, onEvent).then(() => {
      if (controller === mine) {
        halt('The watch ended.');
      }
    }, (error) => {
      if (controller === mine) {
        halt('Not watching.');
        report(error);
      }
    });
  });
  stop.addEventListener('click', () => halt('Stopped.'));
  return { stop: () => halt('Stopped.') };
}
