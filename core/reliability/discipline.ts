/**
 * Own payment discipline of a client from invoices (or an imported payment history): overdue
 * invoices, average days late, DSO and the share paid on time. Dates are ISO dates (YYYY-MM-DD),
 * amounts integer kopecks.
 */

export interface InvoiceFact {
  issueDate: string;
  dueDate: string;
  /** Amount due (gross). */
  amount: number;
  /** Paid so far. */
  paid: number;
  /** The day the invoice became fully paid; null while open. */
  paidOn: string | null;
  cancelled?: boolean;
}

export interface PaymentDiscipline {
  invoices: number;
  /** Open invoices past their due date. */
  overdue: number;
  overdueAmount: number;
  /** Mean days late over invoices paid late and open ones past due (as of today). */
  averageDaysLate: number | null;
  /** Days sales outstanding over the last `periodDays`: receivables / sales × days. */
  dso: number | null;
  /** Share of settled-or-due invoices paid by their due date, 0..1. */
  onTimeShare: number | null;
  /** Invoiced in the last 365 days, kopecks: the basis of a limit without statements. */
  invoicedLastYear: number;
}

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** DSO over a quarter, the usual window for a sales ledger. */
export function paymentDiscipline(
  facts: readonly InvoiceFact[],
  today: string,
  periodDays = 90,
): PaymentDiscipline {
  const live = facts.filter((f) => !f.cancelled);
  let overdue = 0;
  let overdueAmount = 0;
  let lateDays = 0;
  let lateCount = 0;
  let due = 0;
  let onTime = 0;
  let receivables = 0;
  let sales = 0;
  let invoicedLastYear = 0;
  for (const f of live) {
    const open = f.paidOn === null;
    if (open) receivables += Math.max(0, f.amount - f.paid);
    const age = days(f.issueDate, today);
    if (age >= 0 && age < periodDays) sales += f.amount;
    if (age >= 0 && age < 365) invoicedLastYear += f.amount;
    if (open && f.dueDate < today) {
      overdue++;
      overdueAmount += Math.max(0, f.amount - f.paid);
      lateDays += days(f.dueDate, today);
      lateCount++;
      due++;
    } else if (!open) {
      due++;
      const late = days(f.dueDate, f.paidOn as string);
      if (late > 0) {
        lateDays += late;
        lateCount++;
      } else onTime++;
    }
  }
  return {
    invoices: live.length,
    overdue,
    overdueAmount,
    averageDaysLate: due === 0 ? null : lateCount === 0 ? 0 : Math.round((lateDays / lateCount) * 10) / 10,
    dso: sales === 0 ? null : Math.round((receivables / sales) * periodDays * 10) / 10,
    onTimeShare: due === 0 ? null : onTime / due,
    invoicedLastYear,
  };
}
