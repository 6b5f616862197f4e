// Calls to the admin API with the key the operator pasted, kept in this tab's sessionStorage.
const KEY = 'tern.apiKey';

export class Unauthorized extends Error {}

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

export function setApiKey(key) {
  sessionStorage.setItem(KEY, key);
}

export function clearApiKey() {
  sessionStorage.removeItem(KEY);
}

async function request(method, path, signal) {
  const key = apiKey();
  if (!key) {
    throw new Unauthorized('no API key');
  }
  const response = await fetch(path, {
    method,
    headers: { Authorization: 'Bearer ' + key },
    cache: 'no-store',
    credentials: 'omit',
    signal,
  });
  if (response.status === 401) {
    clearApiKey();
    throw new Unauthorized('the API key was refused');
  }
  return response;
}

/** The JSON answer of a call; a non-2xx answer throws its "error" message. */
export async function json(method, path) {
  const response = await request(method, path);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.error || method + ' ' + path + ': HTTP ' + response.status);
  }
  return body;
}

/** The text of a call, e.g. /metrics; null when the endpoint is off (404). */
export async function text(path) {
  const response = await request('GET', path);
  if (response.status === 404) {
    return null;
  }
  if (!response.ok) {
    throw new Error('GET ' + path + ': HTTP ' + response.status);
  }
  return response.text();
}

export function get(path) {
  return json('GET', path);
}

export function del(path) {
  return json('DELETE', path);
}

/** A client id as one path segment. */
export function segment(value) {
  return encodeURIComponent(value);
}

/** A topic as path levels: each level encoded, the slashes kept. */
export function topicPath(topic) {
  return topic.split('/').map(encodeURIComponent).join('/');
}

/**
 * Reads a Server-Sent Events stream with fetch (so the key goes in the Authorization header, not
 * the URL), calling onEvent(name, data) for each event; resolves when the stream ends.
 */
export async function stream(path, signal, onEvent) {
  const response = await request('GET', path, signal);
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.error || 'GET ' + path + ': HTTP ' + response.status);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    pending += value;
    let end;
    while ((end = pending.indexOf('\n\n')) >= 0) {
      const block = pending.slice(0, end);
      pending = pending.slice(end + 2);
      let name = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) {
          name = line.slice(7);
        } else if (line.startsWith('data: ')) {
          data += line.slice(6);
        }
      }
      if (data) {
        onEvent(name, JSON.parse(data));
      }
    }
  }
}
