import { get, post } from './api.js';
import { h, money, day, table, confirmAction } from './ui.js';

/** Customers at a glance: searchable, paged list. */
export async function customerList(view, params) {
  const filters = new URLSearchParams(params);
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Find customers' },
    h('label', {}, 'Search (name or external id)', h('input', { name: 'q', type: 'search', value: filters.get('q') || '' })),
    h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new FormData(form).get('q');
    location.hash = q ? `#/customers?q=${encodeURIComponent(q)}` : '#/customers';
  });
  const query = new URLSearchParams(filters);
  query.set('limit', '25');
  const page = await get(`/v1/customers?${query}`);
  const next = new URLSearchParams(filters);
  if (page.nextCursor) next.set('cursor', page.nextCursor);
  view.replaceChildren(
    h('h1', {}, 'Customers'),
    form,
    table([['Name'], ['External id'], ['Currency'], ['Status'], ['Stripe']], page.data.map((customer) => h('tr', {},
      h('td', {}, h('a', { href: `#/customers/${customer.id}` }, customer.name)),
      h('td', {}, customer.externalId),
      h('td', {}, customer.currency),
      h('td', {}, customer.status),
      h('td', {}, customer.stripeCustomerId || 'not linked'))), 'Customers'),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      page.hasMore ? h('a', { class: 'button quiet', href: `#/customers?${next}` }, 'Next page') : null));
}

/** One customer: profile, subscriptions, this period's usage per meter, and the upcoming invoice (INV-12). */
export async function customerDetail(view, id) {
  const [customer, page, balance, plans] = await Promise.all([
    get(`/v1/customers/${id}`), get(`/v1/subscriptions?customer=${id}`), get(`/v1/customers/${id}/balance`), get('/v1/plans')]);
  const subscriptions = page.data;
  const refresh = () => customerDetail(view, id);
  const sections = await Promise.all(subscriptions.map((subscription) => subscriptionSection(customer, subscription, plans.data, refresh)));
  view.replaceChildren(
    h('p', {}, h('a', { href: '#/customers' }, '← All customers')),
    h('h1', {}, customer.name),
    h('dl', { class: 'meta' },
      h('dt', {}, 'External id'), h('dd', {}, customer.externalId),
      h('dt', {}, 'Kind'), h('dd', {}, customer.kind),
      h('dt', {}, 'Email'), h('dd', {}, customer.email || '—'),
      h('dt', {}, 'Currency'), h('dd', {}, customer.currency),
      h('dt', {}, 'Tax rate'), h('dd', {}, `${customer.taxRate} %`),
      h('dt', {}, 'Stripe'), h('dd', {}, customer.stripeCustomerId || 'not linked'),
      h('dt', {}, 'Status'), h('dd', {}, customer.status),
      h('dt', {}, 'Balance'), h('dd', { id: 'balance' }, money(balance.balance, balance.currency))),
    h('p', {}, h('a', { href: `#/invoices?customer=${customer.id}` }, 'Invoices of this customer')),
    ...(balance.entries.length ? [ledger(balance)] : []),
    h('h2', {}, 'Subscriptions'),
    ...(sections.length ? sections : [h('p', {}, 'No subscriptions.')]));
}

/** INV-16: every movement of the balance, newest first. */
function ledger(balance) {
  return h('section', { 'aria-label': 'Balance ledger' },
    h('h2', {}, 'Balance ledger'),
    table([['When'], ['Movement'], ['Invoice'], ['Amount', true]], balance.entries.map((entry) => h('tr', {},
      h('td', {}, instant(entry.createdAt)),
      h('td', {}, entry.kind.replaceAll('_', ' ')),
      h('td', {}, h('a', { href: `#/invoices/${entry.invoiceId}` }, entry.invoiceNumber || entry.invoiceId)),
      h('td', { class: 'num' }, money(entry.amount, balance.currency)))), 'Balance ledger'));
}

async function subscriptionSection(customer, subscription, plans, refresh) {
  const from = subscription.nextPeriodStart;
  const to = subscription.nextPeriodEnd;
  const [usage, upcoming] = await Promise.all([
    get(`/v1/customers/${customer.id}/usage?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`).catch(() => null),
    get(`/v1/subscriptions/${subscription.id}/upcoming-invoice`).catch(() => null),
  ]);
  // The summary covers every meter of the environment; the chart shows the ones this customer used.
  const used = (usage?.meters || []).filter((meter) => meter.eventCount > 0);
  return h('section', { class: 'grid', 'aria-label': `Subscription ${subscription.planCode}` },
    h('div', { class: 'card' },
      h('h3', {}, `${planAt(subscription, from)} (${subscription.collectionMethod.replaceAll('_', ' ')})`),
      h('p', {}, `Current period ${instant(from)} to ${instant(to)}`),
      h('p', {}, `Status: ${subscription.status}`, subscription.endsAt ? `; ends ${instant(subscription.endsAt)} (${subscription.cancellationReason})` : ''),
      subscription.planPhases.length ? h('p', {}, 'Plans: ', subscription.planPhases.map((phase) => `${phase.planCode} from ${instant(phase.startsAt)}`).join(', ')) : null,
      cancelActions(subscription, refresh),
      changePlanForm(subscription, plans, refresh),
      h('h4', {}, 'Usage this period'),
      used.length ? chart(used) : h('p', {}, 'No usage yet.')),
    h('div', { class: 'card' },
      h('h3', {}, 'Upcoming invoice'),
      upcoming ? table([['Line'], ['Amount', true]], upcoming.lines.map((line) => h('tr', {},
        h('td', {}, line.description), h('td', { class: 'num' }, money(line.amount, upcoming.currency)))), 'Upcoming invoice') : h('p', {}, 'No preview.'),
      upcoming ? h('p', {}, h('strong', {}, `Total so far: ${money(upcoming.total, upcoming.currency)}`)) : null));
}

/** PLN-5: cancel at the period end or now, with a reason; the end can only move earlier. */
function cancelActions(subscription, refresh) {
  if (subscription.status === 'canceled') return null;
  const act = (label, at, text) => h('button', {
    type: 'button',
    class: 'danger',
    onclick: () => confirmAction({
      title: `${label}: ${subscription.planCode}`, text, needsReason: true, button: label,
      run: async ({ reason }) => { await post(`/v1/subscriptions/${subscription.id}/cancel`, { at, reason }); await refresh(); },
    }),
  }, label);
  return h('div', { class: 'actions', role: 'group', 'aria-label': `Cancel ${subscription.planCode}` },
    subscription.endsAt ? null : act('Cancel at period end', 'period_end', 'The current period is invoiced in full; no later one is.'),
    act('Cancel now', 'now', 'The period ends now: a final invoice bills usage up to this second and the recurring fee prorated by the second.'));
}

/** The plan the subscription is on at an instant (a change at the period end shows as a later phase). */
const planAt = (subscription, at) =>
  subscription.planPhases.filter((phase) => Date.parse(phase.startsAt) <= Date.parse(at)).pop()?.planCode ?? subscription.planCode;

/** PLN-6: another plan of the same currency and interval, now or at the period end. */
function changePlanForm(subscription, plans, refresh) {
  const current = plans.find((plan) => plan.code === subscription.planCode);
  const inForce = planAt(subscription, subscription.nextPeriodStart);
  const choices = plans.filter((plan) => current && plan.code !== inForce
    && plan.currency === current.currency && plan.interval === current.interval);
  if (subscription.status === 'canceled' || subscription.endsAt || !choices.length) return null;
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'filters', 'aria-label': `Change the plan of ${subscription.planCode}` },
    h('label', {}, 'New plan', h('select', { name: 'planCode' }, choices.map((plan) => h('option', { value: plan.code }, `${plan.name} (${plan.code})`)))),
    h('label', {}, 'When', h('select', { name: 'at' }, h('option', { value: 'now' }, 'now'), h('option', { value: 'period_end' }, 'at the period end'))),
    h('label', {}, 'Fees', h('select', { name: 'proration' }, h('option', { value: 'prorate' }, 'prorate'), h('option', { value: 'none' }, 'no proration'))),
    h('button', { type: 'submit' }, 'Change plan'),
    error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(form));
    try {
      await post(`/v1/subscriptions/${subscription.id}/change-plan`, fields);
      await refresh();
    } catch (failure) {
      error.textContent = failure.message;
    }
  });
  return form;
}

/** An end may fall inside a day (a cancellation now): show the time then. */
const instant = (value) => (value.slice(11, 19) === '00:00:00' ? day(value) : `${value.slice(0, 10)} ${value.slice(11, 19)} UTC`);

/** A small horizontal bar chart in SVG, with the numbers as text so it reads without the picture. */
function chart(meters) {
  const width = 420;
  const row = 28;
  const largest = Math.max(...meters.map((meter) => meter.quantity), 1);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('viewBox', `0 0 ${width} ${meters.length * row}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', meters.map((meter) => `${meter.meterCode}: ${meter.quantity}`).join(', '));
  meters.forEach((meter, index) => {
    const bar = document.createElementNS(svg.namespaceURI, 'rect');
    bar.setAttribute('x', '130');
    bar.setAttribute('y', String(index * row + 6));
    bar.setAttribute('height', '16');
    bar.setAttribute('width', String(Math.max(2, (meter.quantity / largest) * (width - 220))));
    const label = document.createElementNS(svg.namespaceURI, 'text');
    label.setAttribute('x', '0');
    label.setAttribute('y', String(index * row + 19));
    label.textContent = meter.meterCode;
    const value = document.createElementNS(svg.namespaceURI, 'text');
    value.setAttribute('x', String(136 + Math.max(2, (meter.quantity / largest) * (width - 220))));
    value.setAttribute('y', String(index * row + 19));
    value.textContent = `${meter.quantity} (${meter.eventCount} events)`;
    svg.append(bar, label, value);
  });
  return svg;
}
