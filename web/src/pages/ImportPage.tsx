import { useParams } from "react-router";
import { ImportRun } from "../features/imports/ImportRun";
import { ImportWizard } from "../features/imports/ImportWizard";

export function ImportPage() {
  return <ImportWizard />;
}

export function ImportStatusPage() {
  const { id = "" } = useParams();
  return <ImportRun key={id} id={id} />;
}
