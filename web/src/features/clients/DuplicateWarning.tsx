import { Alert, Anchor, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { IconCopy } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DuplicateCandidate } from "../../../../contracts/companies";
import { currentLocale } from "../../i18n";
import { formatPercent } from "./format";

export type DuplicateWarningProps = {
  candidates: DuplicateCandidate[];
  onSaveAnyway: () => void;
  onDismiss: () => void;
  saving: boolean;
};

/** Names the likely duplicates with why they look alike, before a second card is created. */
export function DuplicateWarning({ candidates, onSaveAnyway, onDismiss, saving }: DuplicateWarningProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      icon={<IconCopy size={18} aria-hidden />}
      title={t("company.duplicates.title")}
    >
      <Stack gap="sm">
        <Text size="sm">{t("company.duplicates.text")}</Text>
        <Stack gap={6} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {candidates.map((candidate, index) => {
            const name = candidate.visible ? candidate.company.name : candidate.name;
            return (
              <Group
                key={candidate.visible ? candidate.company.id : `hidden-${index}`}
                component="li"
                justify="space-between"
                wrap="nowrap"
                gap="sm"
                p={8}
                style={{ borderRadius: 6, background: "var(--mantine-color-body)" }}
              >
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Text size="sm" fw={600} truncate>
                      {name}
                    </Text>
                    {candidate.visible && candidate.company.inn && (
                      <Text size="xs" c="dimmed">
                        {t("company.fields.inn")} {candidate.company.inn}
                        {candidate.company.city ? ` · ${candidate.company.city}` : ""}
                      </Text>
                    )}
                  </Group>
                  <Group gap={4}>
                    {candidate.reasons.map((reason) => (
                      <Badge key={reason} size="xs" color="orange" variant="outline" tt="none">
                        {t(`company.duplicates.reasons.${reason}`)}
                      </Badge>
                    ))}
                    <Text size="xs" c="dimmed">
                      {t("company.duplicates.score", { percent: formatPercent(candidate.score, locale) })}
                    </Text>
                  </Group>
                  {!candidate.visible && (
                    <Text size="xs" c="dimmed">
                      {t("company.duplicates.hidden")}
                      {candidate.ownerName
                        ? ` · ${t("company.duplicates.hiddenOwner", { owner: candidate.ownerName })}`
                        : ""}
                    </Text>
                  )}
                </Stack>
                {candidate.visible && (
                  <Anchor
                    component={Link}
                    to={`/clients/${candidate.company.id}`}
                    size="sm"
                    fw={500}
                    aria-label={t("company.duplicates.openLabel", { name })}
                  >
                    {t("company.duplicates.open")}
                  </Anchor>
                )}
              </Group>
            );
          })}
        </Stack>
        <Group gap="xs">
          <Button size="xs" color="orange" variant="filled" onClick={onSaveAnyway} loading={saving}>
            {t("company.duplicates.saveAnyway")}
          </Button>
          <Button size="xs" variant="default" onClick={onDismiss}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
