import { useParams } from "react-router";
import { CompanyCard } from "../features/clients/CompanyCard";
import { CompanyLoader } from "../features/clients/CompanyLoader";

export function CompanyPage() {
  const { id = "" } = useParams();
  return (
    <CompanyLoader key={id} id={id}>
      {(company) => <CompanyCard company={company} />}
    </CompanyLoader>
  );
}
