import { Badge, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";

export type GradeLetter = "A" | "B" | "C" | "D";
export const GRADE_COLORS: Record<GradeLetter, string> = { A: "green", B: "teal", C: "yellow", D: "red" };

/** The reliability grade as a small badge for lists, search results and the card. */
export function GradeBadge({
  grade,
  size = "sm",
}: {
  grade: GradeLetter | null | undefined;
  size?: "sm" | "lg" | "xl";
}) {
  const { t } = useTranslation();
  if (!grade) return null;
  const label = `${t("reliability.gradeOf", { grade })} — ${t(`reliability.gradeNames.${grade}`)}`;
  return (
    <Tooltip label={label} withArrow>
      <Badge color={GRADE_COLORS[grade]} variant="filled" size={size} radius="sm" aria-label={label}>
        {grade}
      </Badge>
    </Tooltip>
  );
}
