import { SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Cadence } from "../../../../contracts/cadences";
import { SectionCard } from "../../components/SectionCard";
import { EnrolmentsTable } from "./EnrolmentsTable";
import { useCadenceStats } from "./hooks";

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0}>
      <Text size="xl" fw={650}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/** A saved scheme's numbers and its clients. */
export function CadenceEnrolments({ cadence }: { cadence: Cadence }) {
  const { t } = useTranslation();
  const stats = useCadenceStats(cadence.id).data;
  return (
    <>
      {stats && (
        <SectionCard title={t("cadences.stats.title")}>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure label={t("cadences.stats.enrolled")} value={stats.enrolled} />
            <Figure label={t("cadences.stats.inProgress")} value={stats.inProgress} />
            <Figure label={t("cadences.stats.converted")} value={stats.converted} />
            <Figure label={t("cadences.stats.completed")} value={stats.completed} />
            <Figure label={t("cadences.stats.reply")} value={stats.stopped.reply} />
            <Figure label={t("cadences.stats.manual")} value={stats.stopped.manual} />
            <Figure label={t("cadences.stats.dealWon")} value={stats.stopped.dealWon} />
            <Figure label={t("cadences.stats.dealLost")} value={stats.stopped.dealLost} />
          </SimpleGrid>
        </SectionCard>
      )}
      <SectionCard title={t("cadences.enrolments.title")}>
        <EnrolmentsTable scope={{ cadenceId: cadence.id }} empty={t("cadences.enrolments.empty")} />
      </SectionCard>
    </>
  );
}
