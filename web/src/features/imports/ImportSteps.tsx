import { Stepper } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Where the user is in the import: file → columns → check → import. */
export function ImportSteps({ active }: { active: 0 | 1 | 2 | 3 | 4 }) {
  const { t } = useTranslation();
  return (
    <Stepper active={active} size="sm" mb="lg" allowNextStepsSelect={false}>
      <Stepper.Step label={t("imports.steps.upload")} />
      <Stepper.Step label={t("imports.steps.mapping")} />
      <Stepper.Step label={t("imports.steps.check")} />
      <Stepper.Step label={t("imports.steps.run")} />
    </Stepper>
  );
}
