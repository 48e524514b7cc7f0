// Small DOM helpers: elements are built with textContent, never from HTML strings, so API data cannot inject markup.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export const money = (amount, currency) =>
  new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'code' }).format(amount);

export const day = (instant) => (instant ? instant.slice(0, 10) : '—');

export const statusBadge = (status) => h('span', { class: `status status-${status}` }, status.replace('_', ' '));

export function table(headers, rows, caption) {
  return h('table', {},
    caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
    h('thead', {}, h('tr', {}, headers.map(([label, numeric]) => h('th', { scope: 'col', class: numeric ? 'num' : null }, label)))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: headers.length }, 'Nothing here.'))));
}

/** A confirmation with an optional reason and amount; resolves with { reason, amount } or null. */
export function confirmAction({ title, text, needsReason, needsAmount, button, run }) {
  const dialog = document.getElementById('confirm');
  const reason = document.getElementById('confirm-reason');
  const amount = document.getElementById('confirm-amount');
  const error = document.getElementById('confirm-error');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-reason-row').hidden = !needsReason;
  document.getElementById('confirm-amount-row').hidden = !needsAmount;
  document.getElementById('confirm-ok').textContent = button;
  reason.value = '';
  amount.value = '';
  reason.required = needsReason;
  amount.required = needsAmount;
  error.textContent = '';
  const form = document.getElementById('confirm-form');
  form.onsubmit = async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    try {
      await run({ reason: reason.value.trim() || undefined, amount: needsAmount ? Number(amount.value) : undefined });
      dialog.close();
    } catch (failure) {
      error.textContent = failure.message;
    }
  };
  document.getElementById('confirm-cancel').onclick = () => dialog.close();
  dialog.showModal();
  (needsAmount ? amount : needsReason ? reason : document.getElementById('confirm-ok')).focus();
}
