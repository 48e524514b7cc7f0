import { get, post, download } from './api.js';
import { h, money, day, statusBadge, table, confirmAction } from './ui.js';

const STATUSES = ['draft', 'open', 'paid', 'past_due', 'uncollectible', 'void'];

/** INV-13: the list with filters, search, cursor pagination and CSV export of the filtered list. */
export async function invoiceList(view, params) {
  const filters = new URLSearchParams(params);
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter invoices' },
    h('label', {}, 'Search (number or customer)', h('input', { name: 'q', type: 'search', value: filters.get('q') || '' })),
    h('label', {}, 'Customer id', h('input', { name: 'customer', value: filters.get('customer') || '', size: 20 })),
    h('label', {}, 'Status', h('select', { name: 'status' },
      h('option', { value: '' }, 'any'),
      STATUSES.map((status) => h('option', { value: status, selected: filters.get('status') === status }, status.replace('_', ' '))))),
    h('label', {}, 'Issued from', h('input', { name: 'from', type: 'date', value: (filters.get('from') || '').slice(0, 10) })),
    h('label', {}, 'Issued before', h('input', { name: 'to', type: 'date', value: (filters.get('to') || '').slice(0, 10) })),
    h('button', { type: 'submit' }, 'Filter'),
    h('button', { type: 'button', class: 'quiet', onclick: () => exportCsv(filters) }, 'Export CSV'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (value) chosen.set(name, name === 'from' || name === 'to' ? `${value}T00:00:00Z` : value);
    }
    location.hash = `#/invoices?${chosen}`;
  });

  const query = new URLSearchParams(filters);
  query.set('limit', '25');
  const page = await get(`/v1/invoices?${query}`);
  const rows = page.data.map((invoice) => h('tr', {},
    h('td', {}, h('a', { href: `#/invoices/${invoice.id}` }, invoice.number || 'draft')),
    h('td', {}, h('a', { href: `#/customers/${invoice.customerId}` }, invoice.customerName)),
    h('td', {}, invoice.kind),
    h('td', {}, day(invoice.issuedAt)),
    h('td', { class: 'num' }, money(invoice.total, invoice.currency)),
    h('td', {}, statusBadge(invoice.status))));
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' },
    filters.has('cursor') ? h('a', { class: 'button quiet', href: `#/invoices?${without(filters, 'cursor')}` }, 'First page') : null,
    page.hasMore ? h('a', { class: 'button quiet', href: `#/invoices?${withCursor(filters, page.nextCursor)}` }, 'Next page') : null);
  view.replaceChildren(
    h('h1', {}, 'Invoices'),
    form,
    h('p', { class: 'error', role: 'alert', id: 'action-error' }),
    table([['Number'], ['Billable entity'], ['Kind'], ['Issued'], ['Total', true], ['Status']], rows, 'Invoices'),
    pager);
}

/** INV-13, AUD-1, INV-14 and API-2: one invoice with its lines, totals, Stripe state, history, documents and actions. */
export async function invoiceDetail(view, id) {
  const [invoice, history, payment] = await Promise.all([
    get(`/v1/invoices/${id}`),
    get(`/v1/invoices/${id}/history`),
    get(`/v1/invoices/${id}/payment`).catch(() => null),
  ]);
  const refresh = () => invoiceDetail(view, id);
  const error = h('p', { class: 'error', role: 'alert', id: 'action-error' });
  view.replaceChildren(
    h('p', {}, h('a', { href: '#/invoices' }, '← All invoices')),
    h('h1', {}, `Invoice ${invoice.number || '(draft)'} `, statusBadge(invoice.status)),
    actions(invoice, payment, refresh, error),
    error,
    h('div', { class: 'grid' },
      h('dl', { class: 'meta' },
        h('dt', {}, 'Billable entity'), h('dd', {}, h('a', { href: `#/customers/${invoice.customerId}` }, invoice.customerName), ` (${invoice.customerExternalId})`),
        h('dt', {}, 'Kind'), h('dd', {}, invoice.kind),
        h('dt', {}, 'Period'), h('dd', {}, `${day(invoice.periodStart)} to ${day(invoice.periodEnd)}`),
        h('dt', {}, 'Issued'), h('dd', {}, day(invoice.issuedAt)),
        h('dt', {}, 'Due'), h('dd', {}, day(invoice.dueDate)),
        h('dt', {}, 'Plan'), h('dd', {}, `${invoice.planCode} v${invoice.planVersion}`),
        invoice.statusReason ? [h('dt', {}, 'Reason'), h('dd', {}, invoice.statusReason)] : null,
        invoice.replacesInvoiceId ? [h('dt', {}, 'Replaces'), h('dd', {}, h('a', { href: `#/invoices/${invoice.replacesInvoiceId}` }, invoice.replacesInvoiceId))] : null,
        invoice.replacedByInvoiceId ? [h('dt', {}, 'Replaced by'), h('dd', {}, h('a', { href: `#/invoices/${invoice.replacedByInvoiceId}` }, invoice.replacedByInvoiceId))] : null),
      stripeCard(invoice, payment)),
    lines(invoice),
    h('h2', {}, 'History'),
    table([['When'], ['Who'], ['What'], ['Change'], ['Why']], history.map((entry) => h('tr', {},
      h('td', {}, entry.occurredAt.replace('T', ' ').slice(0, 19)),
      h('td', {}, entry.actor),
      h('td', {}, entry.action.replaceAll('_', ' ')),
      h('td', {}, Object.entries(entry.changes || {}).map(([field, change]) => h('div', {}, `${field}: ${change.from ?? '—'} → ${change.to ?? '—'}`))),
      h('td', {}, entry.reason || ''))), 'History'));
}

function actions(invoice, payment, refresh, error) {
  const act = (label, { title, text, needsReason = false, needsAmount = false, button = label, run, danger = true }) =>
    h('button', {
      type: 'button',
      class: danger ? 'danger' : null,
      onclick: () => { error.textContent = ''; confirmAction({ title, text, needsReason, needsAmount, button, run: async (input) => { if (!(await run(input))?.moved) await refresh(); } }); },
    }, label);
  const owed = ['open', 'past_due'].includes(invoice.status);
  const number = invoice.number || 'this draft';
  return h('div', { class: 'actions', role: 'group', 'aria-label': 'Actions' },
    invoice.status !== 'draft' ? h('button', { type: 'button', class: 'quiet', onclick: () => save(`/v1/invoices/${invoice.id}/pdf`, `${invoice.number}.pdf`, error) }, 'Download PDF') : null,
    invoice.status === 'paid' ? h('button', { type: 'button', class: 'quiet', onclick: () => save(`/v1/invoices/${invoice.id}/receipt`, `${invoice.number}-receipt.pdf`, error) }, 'Download receipt') : null,
    invoice.status === 'draft' ? act('Add adjustment', {
      title: 'Add an adjustment', text: `A credit (negative) or a correction on ${number}.`, needsReason: true, needsAmount: true, button: 'Add', danger: false,
      run: ({ amount, reason }) => post(`/v1/invoices/${invoice.id}/adjustments`, { amount, reason }),
    }) : null,
    invoice.status === 'draft' ? act('Finalize now', {
      title: 'Finalize the draft', text: 'It gets its number and is due; it cannot be changed afterwards.', button: 'Finalize', danger: false,
      run: () => post(`/v1/invoices/${invoice.id}/finalize`, {}),
    }) : null,
    owed && chargeable(payment) ? act('Charge', {
      title: `Charge ${number}`, text: 'Sends the invoice to Stripe and collects it with the customer\'s default payment method.', button: 'Charge', danger: false,
      run: () => post(`/v1/invoices/${invoice.id}/charge`),
    }) : null,
    owed || invoice.status === 'uncollectible' ? act('Void', {
      title: `Void ${number}`, text: 'The invoice stops being owed, here and in Stripe. This cannot be undone.', needsReason: true,
      run: ({ reason }) => post(`/v1/invoices/${invoice.id}/void`, { reason }),
    }) : null,
    owed || invoice.status === 'uncollectible' ? act('Regenerate', {
      title: `Regenerate ${number}`, text: 'Voids this invoice and issues a new one for the same period from current prices and usage.', needsReason: true,
      run: async ({ reason }) => {
        const replacement = await post(`/v1/invoices/${invoice.id}/regenerate`, { reason });
        location.hash = `#/invoices/${replacement.id}`;
        return { moved: true };
      },
    }) : null,
    owed ? act('Mark uncollectible', {
      title: `Write ${number} off`, text: 'Marks the invoice uncollectible, here and in Stripe.', needsReason: true, button: 'Mark uncollectible',
      run: ({ reason }) => post(`/v1/invoices/${invoice.id}/mark-uncollectible`, { reason }),
    }) : null);
}

/** Not sent yet, a failed payment, or a send Stripe refused for good: and nothing still queued. */
function chargeable(payment) {
  if (!payment || payment.operations.some((operation) => operation.status === 'pending')) return false;
  return ['not_sent', 'payment_failed'].includes(payment.status) || payment.operations.some((operation) => operation.status === 'failed');
}

async function save(path, fileName, error) {
  try { await download(path, fileName); } catch (failure) { error.textContent = failure.message; }
}

function exportCsv(filters) {
  const query = new URLSearchParams(filters);
  query.delete('cursor');
  return save(`/v1/invoices/export.csv?${query}`, 'invoices.csv', document.getElementById('action-error'));
}

function stripeCard(invoice, payment) {
  if (!payment) return h('div', { class: 'card' }, h('h2', {}, 'Stripe'), h('p', {}, 'Unknown.'));
  return h('div', { class: 'card', id: 'stripe' },
    h('h2', {}, 'Stripe'),
    h('p', {}, statusBadge(payment.status), payment.providerInvoiceId ? ` ${payment.providerInvoiceId}` : ''),
    payment.failureReason ? h('p', { class: 'error' }, `${payment.failureReason}: ${payment.failureMessage || ''}`) : null,
    invoice.paymentFailure && !payment.failureReason ? h('p', { class: 'error' }, invoice.paymentFailure) : null,
    payment.operations.length ? h('ul', {}, payment.operations.map((operation) =>
      h('li', {}, `${operation.kind.replaceAll('_', ' ')}: ${operation.status}`, operation.lastError ? ` — ${operation.lastError}` : ''))) : null);
}

const GROUPS = [
  ['Usage', ['usage', 'late_usage', 'minimum_commitment']],
  ['Fixed fees', ['fixed_fee']],
  ['Adjustments', ['adjustment']],
  ['Balance', ['balance']],
  ['Tax', ['tax']],
];

function lines(invoice) {
  const sections = GROUPS.map(([title, kinds]) => {
    const members = invoice.lines.filter((line) => kinds.includes(line.kind));
    if (!members.length) return null;
    return h('section', { 'aria-label': title },
      h('h2', {}, title),
      table([['Line'], ['Quantity', true], ['Amount', true]], members.map((line) => h('tr', {},
        h('td', {}, line.description,
          line.kind === 'late_usage' ? h('div', {}, `for ${day(line.periodStart)} to ${day(line.periodEnd)}`) : null,
          line.reason ? h('div', {}, `Reason: ${line.reason}`) : null,
          h('ul', { class: 'computation', 'aria-label': 'How it was computed' }, line.computation.map((step) => h('li', {}, step)))),
        h('td', { class: 'num' }, line.quantity),
        h('td', { class: 'num' }, money(line.amount, invoice.currency)))), title));
  });
  return h('div', {},
    sections,
    h('h2', {}, 'Totals'),
    h('dl', { class: 'meta', id: 'totals' },
      h('dt', {}, 'Subtotal'), h('dd', {}, money(invoice.subtotal, invoice.currency)),
      h('dt', {}, 'Tax'), h('dd', {}, money(invoice.tax, invoice.currency)),
      h('dt', {}, 'Total'), h('dd', {}, h('strong', {}, money(invoice.total, invoice.currency)))));
}

const withCursor = (filters, cursor) => { const next = new URLSearchParams(filters); next.set('cursor', cursor); return next; };
const without = (filters, name) => { const next = new URLSearchParams(filters); next.delete(name); return next; };
