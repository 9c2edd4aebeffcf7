import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../../contracts/common";
import { currentLocale, LOCALES, setLocale } from "../../i18n";
import { ApiError } from "../../lib/api";
import { useMe } from "../auth/hooks";
import { useUpdateProfile } from "./hooks";

/**
 * RU/EN in the header: applies at once, remembers on this device and, when signed in, in the profile.
 * Plain toggle buttons (aria-pressed) rather than a segmented radio group: the same "RU"/"EN" names
 * in both languages, and clickable by tests without reaching for visually hidden inputs.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const update = useUpdateProfile();
  const value = (i18n.resolvedLanguage ?? currentLocale()) as Locale;

  const change = (next: Locale) => {
    if (next === value) return;
    setLocale(next, { signedIn: Boolean(me) });
    if (me && me.locale !== next) {
      update.mutate(
        { locale: next },
        {
          onError: (error) =>
            notifications.show({
              color: "red",
              title: t("errors.title"),
              message: error instanceof ApiError ? error.detail : t("errors.unexpected"),
            }),
        },
      );
    }
  };

  return (
    <Button.Group aria-label={t("header.switchLanguage")}>
      {LOCALES.map((locale) => (
        <Button
          key={locale}
          size="xs"
          px={8}
          variant={locale === value ? "light" : "default"}
          aria-pressed={locale === value}
          lang={locale}
          title={t(`languages.${locale}`)}
          onClick={() => change(locale)}
        >
          {locale.toUpperCase()}
        </Button>
      ))}
    </Button.Group>
  );
}
