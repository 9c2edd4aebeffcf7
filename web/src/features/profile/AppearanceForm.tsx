import { NativeSelect, Stack, useMantineColorScheme } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { Theme } from "../../../../contracts/auth";
import { SectionCard } from "../../components/SectionCard";
import { currentLocale, setLocale } from "../../i18n";
import { ApiError } from "../../lib/api";
import { useCurrentUser } from "../auth/currentUser";
import { useUpdateProfile } from "./hooks";

/** Language and theme apply on change, like the header controls, and are saved to the profile. */
export function AppearanceForm() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const update = useUpdateProfile();
  const { colorScheme, setColorScheme } = useMantineColorScheme();

  const save = (body: { locale?: "ru" | "en"; theme?: z.infer<typeof Theme> }) =>
    update.mutate(body, {
      onError: (error) =>
        notifications.show({
          color: "red",
          title: t("errors.title"),
          message: error instanceof ApiError ? error.detail : t("errors.unexpected"),
        }),
    });

  return (
    <SectionCard title={t("profile.appearance.title")} description={t("profile.appearance.hint")}>
      <Stack gap="sm" maw={520}>
        <NativeSelect
          label={t("profile.appearance.language")}
          value={currentLocale()}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (value !== "ru" && value !== "en") return;
            setLocale(value, { signedIn: true });
            if (value !== me.locale) save({ locale: value });
          }}
          data={[
            { value: "ru", label: t("languages.ru") },
            { value: "en", label: t("languages.en") },
          ]}
        />
        <NativeSelect
          label={t("profile.appearance.theme")}
          value={colorScheme}
          onChange={(event) => {
            const parsed = Theme.safeParse(event.currentTarget.value);
            if (!parsed.success) return;
            setColorScheme(parsed.data);
            if (parsed.data !== me.theme) save({ theme: parsed.data });
          }}
          data={Theme.options.map((value) => ({ value, label: t(`profile.themes.${value}`) }))}
        />
      </Stack>
    </SectionCard>
  );
}
