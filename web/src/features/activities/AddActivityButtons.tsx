import { Button, Group } from "@mantine/core";
import { IconCalendarEvent, IconChecklist, IconMail, IconNote, IconPhone } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActivityType } from "../../../../contracts/activities";
import { ActivityFormModal, type ActivityTarget } from "./ActivityFormModal";

const buttons = [
  { type: "call", icon: IconPhone },
  { type: "meeting", icon: IconCalendarEvent },
  { type: "email", icon: IconMail },
  { type: "note", icon: IconNote },
  { type: "task", icon: IconChecklist },
] as const;

/** "Add call / meeting / e-mail / note / task" for a company, contact or deal (or none). */
export function AddActivityButtons({ target }: { target: ActivityTarget }) {
  const { t } = useTranslation();
  const [type, setType] = useState<ActivityType | null>(null);
  return (
    <>
      <Group gap="xs" role="group" aria-label={t("activities.add.menu")}>
        {buttons.map(({ type: kind, icon: Icon }) => (
          <Button
            key={kind}
            size="xs"
            variant="light"
            leftSection={<Icon size={14} aria-hidden />}
            onClick={() => setType(kind)}
          >
            {t(`activities.add.${kind}`)}
          </Button>
        ))}
      </Group>
      <ActivityFormModal type={type} target={target} onClose={() => setType(null)} />
    </>
  );
}
