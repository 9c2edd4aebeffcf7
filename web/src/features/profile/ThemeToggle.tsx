import { ActionIcon, Tooltip, useComputedColorScheme, useMantineColorScheme } from "@mantine/core";
import { IconMoon, IconSun } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useMe } from "../auth/hooks";
import { useUpdateProfile } from "./hooks";

/** Flips between light and dark; "follow the system" is chosen in the profile. */
export function ThemeToggle() {
  const { t } = useTranslation();
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme("light", { getInitialValueInEffect: false });
  const { data: me } = useMe();
  const update = useUpdateProfile();

  const toggle = () => {
    const next = computed === "dark" ? "light" : "dark";
    setColorScheme(next);
    // Theme is a convenience: a failed save is not worth interrupting the user for.
    if (me) update.mutate({ theme: next });
  };

  return (
    <Tooltip label={t("header.toggleColorScheme")} withArrow>
      <ActionIcon variant="default" size="lg" aria-label={t("header.toggleColorScheme")} onClick={toggle}>
        {computed === "dark" ? <IconSun size={18} aria-hidden /> : <IconMoon size={18} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}
