import type { CrmOrderEvent } from './crm-records.js';
import { roundHalfEven } from './round-half-even.js';

/** The invoice crm-to-billing's JSONata mapping produces, keys in the same order. */
export interface Invoice {
  invoiceNumber: string;
  customerId: string;
  billTo: { name: string; email: string; address: { line1: string; city: string; postalCode: string; country: string } };
  lines: { sku: string; description: string; quantity: number; unitPrice: number; amount: number }[];
  total: number;
  currency: string;
  issuedAt: string | number;
}

const round2 = (x: number): number => roundHalfEven(x, 2);

/** crm-to-billing's mapping written by hand, as a developer without Seam would write it. */
export function mapCrmOrderByHand(event: CrmOrderEvent): Invoice {
  const { customer, order } = event;
  const lines = order.lines.map((l) => ({
    sku: l.sku,
    description: l.name,
    quantity: l.qty,
    unitPrice: l.unitPrice,
    amount: round2(l.qty * l.unitPrice),
  }));
  let sum = 0;
  for (const l of order.lines) sum += l.qty * l.unitPrice;
  return {
    invoiceNumber: `INV-${order.number}`,
    customerId: customer.id,
    billTo: {
      name: customer.company ? customer.company : `${customer.firstName} ${customer.lastName}`,
      email: customer.email,
      address: {
        line1: customer.address.street,
        city: customer.address.city,
        postalCode: customer.address.zip,
        country: customer.address.country.toUpperCase(),
      },
    },
    lines,
    total: round2(sum),
    currency: order.currency.toUpperCase(),
    issuedAt: order.createdAt,
  };
}

/**
 * The validate node's declared coercion `/issuedAt as date-time`: Unix seconds or milliseconds become ISO-8601.
 * Values below 1e11 are seconds (1e11 s is the year 5138; 1e11 ms is 1973), the usual way to tell them apart.
 */
export function coerceIssuedAt(invoice: Invoice): void {
  if (typeof invoice.issuedAt === 'number') {
    const ms = Math.abs(invoice.issuedAt) < 1e11 ? invoice.issuedAt * 1000 : invoice.issuedAt;
    invoice.issuedAt = new Date(ms).toISOString();
  }
}
