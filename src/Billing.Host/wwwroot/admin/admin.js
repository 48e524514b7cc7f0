import { session, whoIs, ApiError } from './api.js';
import { h } from './ui.js';
import { invoiceList, invoiceDetail } from './invoices.js';
import { customerList, customerDetail } from './customers.js';
import { planList, planDetail } from './plans.js';

// API-3: a single page over the public API. Routes live in the URL fragment: #/invoices?status=open, #/invoices/inv_…
const view = document.getElementById('view');

const routes = [
  [/^#\/invoices\/([^?/]+)$/, (match, target) => invoiceDetail(target, match[1])],
  [/^#\/invoices(?:\?(.*))?$/, (match, target) => invoiceList(target, match[1] || '')],
  [/^#\/customers\/([^?/]+)$/, (match, target) => customerDetail(target, match[1])],
  [/^#\/customers(?:\?(.*))?$/, (match, target) => customerList(target, match[1] || '')],
  [/^#\/plans\/([^?/]+)$/, (match, target) => planDetail(target, match[1])],
  [/^#\/plans$/, (match, target) => planList(target)],
];

// Only the latest navigation may draw: a slow answer for a page already left is dropped.
let generation = 0;

async function render() {
  if (!session.key()) {
    signIn();
    return;
  }

  banner();
  const mine = ++generation;
  const hash = location.hash || '#/invoices';
  const route = routes.find(([pattern]) => pattern.test(hash));
  if (!route) {
    location.hash = '#/invoices';
    return;
  }

  view.replaceChildren(h('p', { role: 'status' }, 'Loading…'));
  const target = h('div');
  try {
    await route[1](hash.match(route[0]), target);
  } catch (failure) {
    if (mine !== generation) return;
    if (failure instanceof ApiError && failure.status === 401) {
      session.clear();
      signIn('The key was refused; sign in again.');
      return;
    }
    target.replaceChildren(h('h1', {}, 'Something went wrong'), h('p', { class: 'error', role: 'alert' }, failure.message));
  }
  if (mine !== generation) return;
  view.replaceChildren(target);
  view.focus();
}

/** Shows which environment is in use, unmistakably: a striped orange banner says TEST DATA, a green one LIVE DATA. */
function banner() {
  const header = document.getElementById('banner');
  const environment = session.environment();
  header.hidden = false;
  header.dataset.env = environment;
  document.getElementById('env-flag').textContent = environment === 'live' ? 'Live data — real customers and money' : 'Test data';
  document.title = `Billing admin (${environment})`;
  const select = document.getElementById('env-switch');
  select.replaceChildren(...Object.keys(session.keys()).sort().map((name) => h('option', { value: name, selected: name === environment }, name)));
  select.onchange = () => { session.use(select.value); location.hash = '#/invoices'; render(); };
  const addKey = document.getElementById('add-key');
  addKey.hidden = Object.keys(session.keys()).length > 1;
  addKey.onclick = () => signIn('Sign in with the other environment\'s admin key.');
  document.getElementById('sign-out').onclick = () => { session.clear(); signIn('Signed out.'); };
}

function signIn(message = '') {
  document.getElementById('banner').hidden = !session.key();
  const error = h('p', { class: 'error', role: 'alert' }, message);
  const form = h('form', { class: 'signin', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, 'Billing admin'),
    h('p', {}, 'Sign in with an admin API key. It is kept in this browser tab only, until you close it.'),
    h('p', { class: 'field' }, h('label', { for: 'api-key' }, 'Admin API key'), h('input', { id: 'api-key', name: 'key', type: 'password', autocomplete: 'off', required: true })),
    error,
    h('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = new FormData(form).get('key').trim();
    try {
      const environment = await whoIs(key);
      session.add(environment, key);
      if (!location.hash || location.hash === '#/signin') location.hash = '#/invoices';
      await render();
    } catch (failure) {
      error.textContent = failure instanceof ApiError && failure.status === 403
        ? 'That key is not an admin key.'
        : failure instanceof ApiError && failure.status === 401 ? 'That key is not valid.' : failure.message;
    }
  });
  view.replaceChildren(form);
  form.querySelector('input').focus();
}

window.addEventListener('hashchange', render);
render();
