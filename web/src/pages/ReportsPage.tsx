import { ForecastReport } from "../features/deals/ForecastReport";

export function ReportsPage() {
  return <ForecastReport />;
}
