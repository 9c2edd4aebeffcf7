import { Center, Loader } from "@mantine/core";
import { useParams } from "react-router";
import { ErrorAlert } from "../components/ErrorAlert";
import { AttentionList } from "../features/cadences/AttentionList";
import { CadenceDesigner } from "../features/cadences/CadenceDesigner";
import { CadencesList } from "../features/cadences/CadencesList";
import { ContactTargetsSettings } from "../features/cadences/ContactTargetsSettings";
import { useCadence } from "../features/cadences/hooks";
import { ProductionCalendarSettings } from "../features/cadences/ProductionCalendarSettings";

export function CadencesPage() {
  return <CadencesList />;
}

export function CadenceNewPage() {
  return <CadenceDesigner />;
}

export function CadenceEditPage() {
  const { id = "" } = useParams();
  const cadence = useCadence(id);
  if (cadence.isError) return <ErrorAlert error={cadence.error} />;
  if (!cadence.data)
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  return <CadenceDesigner key={`${id}:${cadence.data.version}`} cadence={cadence.data} />;
}

export function AttentionPage() {
  return <AttentionList />;
}

export function SettingsCalendarPage() {
  return <ProductionCalendarSettings />;
}

export function SettingsContactTargetsPage() {
  return <ContactTargetsSettings />;
}
