import { ClientsList } from "../features/clients/ClientsList";

export function ClientsPage() {
  return <ClientsList />;
}
