import { formatMoneyRu, parseMoney } from "../../../../core/money";

/** "1234.50" → «1 234,50» for screens (money never passes through a float). */
export const money = (value: string) => formatMoneyRu(parseMoney(value));

export const statusColor: Record<string, string> = {
  draft: "gray",
  pending_approval: "yellow",
  approved: "teal",
  rejected_by_head: "red",
  sent: "blue",
  accepted: "green",
  rejected: "red",
  expired: "gray",
};
