import { useParams } from "react-router";
import { DealCard } from "../features/deals/DealCard";
import { DealsScreen } from "../features/deals/DealsScreen";

export function DealsPage() {
  return <DealsScreen />;
}

export function DealPage() {
  const { id = "" } = useParams();
  return <DealCard key={id} id={id} />;
}
