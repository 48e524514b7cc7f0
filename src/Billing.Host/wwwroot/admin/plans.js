import { get } from './api.js';
import { h, money, day, table } from './ui.js';

/** PLN-1..3: every plan of the environment. */
export async function planList(view) {
  const page = await get('/v1/plans');
  view.replaceChildren(
    h('h1', {}, 'Plans'),
    table([['Name'], ['Code'], ['Currency'], ['Interval'], ['Current version', true]], page.data.map((plan) => h('tr', {},
      h('td', {}, h('a', { href: `#/plans/${encodeURIComponent(plan.code)}` }, plan.name)),
      h('td', {}, plan.code),
      h('td', {}, plan.currency),
      h('td', {}, plan.interval),
      h('td', { class: 'num' }, String(plan.currentVersion)))), 'Plans'));
}

/** PLN-3, PLN-7: a plan's versions and corrections, and the audit trail on its rates (AUD-1). */
export async function planDetail(view, code) {
  const [plan, history] = await Promise.all([get(`/v1/plans/${code}`), get(`/v1/plans/${code}/history`)]);
  view.replaceChildren(
    h('p', {}, h('a', { href: '#/plans' }, '← All plans')),
    h('h1', {}, `${plan.name} (${plan.code})`),
    h('p', {}, `${plan.currency}, billed ${plan.interval}; new periods get version ${plan.currentVersion}.`),
    h('h2', {}, 'Versions'),
    table([['Version', true], ['In force from'], ['Recurring fee', true], ['Charges'], ['Correction']], plan.versions.map((version) => h('tr', {},
      h('td', { class: 'num' }, String(version.version)),
      h('td', {}, day(version.effectiveFrom)),
      h('td', { class: 'num' }, money(version.fixedFees.recurringFee || 0, plan.currency)),
      h('td', {}, version.charges.map(charge).join('; ')),
      h('td', {}, version.correction ? `yes: ${version.reason}` : ''))), 'Versions'),
    h('h2', {}, 'History'),
    table([['When'], ['Key'], ['Action'], ['Why']], history.map((entry) => h('tr', {},
      h('td', {}, entry.occurredAt.replace('T', ' ').slice(0, 19)),
      h('td', {}, entry.actor),
      h('td', {}, entry.action.replaceAll('_', ' ')),
      h('td', {}, entry.reason || ''))), 'History'));
}

function charge(item) {
  const free = item.freeUnits ? `, ${item.freeUnits} free` : '';
  if (item.model === 'per_unit') return `${item.meter}: ${item.unitPrice} a unit${free}`;
  if (item.model === 'package') return `${item.meter}: ${item.packagePrice} per ${item.packageSize}${free}`;
  return `${item.meter}: ${item.model}, ${item.tiers.length} tiers${free}`;
}
