// The dashboard's shell: log in with an API key, route by the URL's hash, run one view at a time.
import { apiKey, clearApiKey, get, setApiKey, Unauthorized } from './api.js';
import { clientDetailView, clientsView, overviewView, retainedView } from './views.js';
import { watchView } from './watch.js';

const $ = (id) => document.getElementById(id);
let current = null;

function showLogin(message) {
  stopView();
  $('nav').hidden = true;
  $('logout').hidden = true;
  $('view').hidden = true;
  $('broker').textContent = '';
  $('login').hidden = false;
  $('login-error').textContent = message || '';
  $('api-key').focus();
}

function stopView() {
  if (current) {
    current.stop();
    current = null;
  }
}

/** Shows an error from a view; a refused key sends the operator back to the login page. */
export function report(error) {
  if (error instanceof Unauthorized) {
    showLogin('The API key was refused; paste a valid one.');
    return;
  }
  $('status').textContent = error ? String(error.message || error) : '';
  $('status').classList.toggle('visible', Boolean(error));
}

async function showBroker() {
  const broker = await get('/api/v1/broker');
  $('broker').textContent = broker.node + ' · ' + broker.version;
}

function route() {
  if (!apiKey()) {
    showLogin();
    return;
  }
  stopView();
  report(null);
  $('login').hidden = true;
  $('nav').hidden = false;
  $('logout').hidden = false;
  const view = $('view');
  view.hidden = false;
  view.replaceChildren();
  const hash = location.hash.replace(/^#\/?/, '');
  const [name, ...rest] = hash.split('/');
  let active = name || 'overview';
  if (name === 'clients' && rest.length > 0) {
    current = clientDetailView(view, decodeURIComponent(rest.join('/')), report);
  } else if (name === 'clients') {
    current = clientsView(view, report);
  } else if (name === 'retained') {
    current = retainedView(view, report);
  } else if (name === 'watch') {
    current = watchView(view, report);
  } else {
    active = 'overview';
    current = overviewView(view, report);
  }
  for (const link of document.querySelectorAll('#nav a')) {
    link.classList.toggle('active', link.dataset.view === active);
  }
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const key = $('api-key').value.trim();
  if (!key) {
    return;
  }
  setApiKey(key);
  try {
    await showBroker();
    $('api-key').value = '';
    route();
  } catch (error) {
    showLogin(error instanceof Unauthorized ? 'That key was refused.' : String(error.message || error));
  }
});

$('logout').addEventListener('click', () => {
  clearApiKey();
  showLogin();
});

window.addEventListener('hashchange', route);

if (apiKey()) {
  showBroker().then(route, (error) => (error instanceof Unauthorized ? showLogin() : route()));
} else {
  showLogin();
}
