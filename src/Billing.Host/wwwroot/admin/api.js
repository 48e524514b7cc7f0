// The page's only back end is the public API. Keys live in sessionStorage: gone when the tab closes,
// never in the page source. One key per environment; the switch picks which one is used.
const store = window.sessionStorage;

export const session = {
  keys() { return JSON.parse(store.getItem('billing.keys') || '{}'); },
  environment() { return store.getItem('billing.environment'); },
  use(environment) { store.setItem('billing.environment', environment); },
  add(environment, key) {
    const keys = this.keys();
    keys[environment] = key;
    store.setItem('billing.keys', JSON.stringify(keys));
    this.use(environment);
  },
  clear() { store.removeItem('billing.keys'); store.removeItem('billing.environment'); },
  key() { return this.keys()[this.environment()]; },
};

/** A failed call, with the API's problem details (API-1) when it sent them. */
export class ApiError extends Error {
  constructor(status, problem) {
    const fields = problem?.errors ? Object.entries(problem.errors).map(([field, messages]) => `${field}: ${messages.join(' ')}`).join('\n') : '';
    super([problem?.detail || problem?.title || `The API answered ${status}.`, fields].filter(Boolean).join('\n'));
    this.status = status;
    this.code = problem?.code;
  }
}

export async function call(method, path, body, key = session.key()) {
  const headers = { Authorization: `Bearer ${key}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload;
}

export const get = (path) => call('GET', path);
export const post = (path, body = {}) => call('POST', path, body);

/** Files (CSV, PDF) need the key too, so they are fetched and handed to the browser as a download. */
export async function download(path, fileName) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${session.key()}` } });
  if (!response.ok) {
    const type = response.headers.get('Content-Type') || '';
    throw new ApiError(response.status, type.includes('json') ? await response.json() : null);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Which environment an admin key belongs to: the Stripe settings answer names it, and only admins may read them. */
export async function whoIs(key) {
  const connection = await call('GET', '/v1/settings/payments/stripe', undefined, key);
  return connection.environment;
}
