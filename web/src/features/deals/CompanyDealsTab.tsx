import { Button, Group, Stack } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DealFormModal } from "./DealFormModal";
import { DealsList } from "./DealsList";

/** The company card's "Deals" tab: the company's deals and "New deal" on it. */
export function CompanyDealsTab({
  companyId,
  companyName,
  canEdit,
}: {
  companyId: string;
  companyName: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      {canEdit && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t("deals.newDeal")}
          </Button>
        </Group>
      )}
      <DealsList query={{ companyId }} showCompany={false} />
      {creating && (
        <DealFormModal
          opened
          companyId={companyId}
          companyName={companyName}
          onClose={() => setCreating(false)}
        />
      )}
    </Stack>
  );
}
