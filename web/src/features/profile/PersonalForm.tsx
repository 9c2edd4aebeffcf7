import { Button, Group, NativeSelect, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProfileUpdate } from "../../../../contracts/auth";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SectionCard } from "../../components/SectionCard";
import { fieldErrorsOf } from "../../lib/api";
import { timeZoneOptions } from "../../lib/format";
import { type FieldErrors, validate } from "../../lib/validation";
import { useCurrentUser } from "../auth/currentUser";
import { useUpdateProfile } from "./hooks";

export function PersonalForm() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const update = useUpdateProfile();
  const [fullName, setFullName] = useState(me.fullName);
  const [timeZone, setTimeZone] = useState(me.timeZone);
  const [errors, setErrors] = useState<FieldErrors>({});
  const zones = useMemo(() => {
    const list = timeZoneOptions();
    return list.includes(me.timeZone) ? list : [me.timeZone, ...list];
  }, [me.timeZone]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(ProfileUpdate, { fullName, timeZone });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    update.mutate(checked.data, {
      onSuccess: () => notifications.show({ color: "green", message: t("common.saved") }),
      onError: (error) => setErrors(fieldErrorsOf(error)),
    });
  };

  const unchanged = fullName === me.fullName && timeZone === me.timeZone;
  const showAlert = update.isError && Object.keys(fieldErrorsOf(update.error)).length === 0;

  return (
    <SectionCard title={t("profile.personal.title")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={520}>
          {showAlert && <ErrorAlert error={update.error} />}
          <TextInput
            label={t("profile.personal.fullName")}
            required
            autoComplete="name"
            value={fullName}
            onChange={(event) => setFullName(event.currentTarget.value)}
            error={errors.fullName}
          />
          <TextInput
            label={t("profile.personal.email")}
            description={t("profile.personal.emailHint")}
            value={me.email}
            readOnly
            variant="filled"
          />
          <NativeSelect
            label={t("profile.personal.timeZone")}
            description={t("profile.personal.timeZoneHint")}
            value={timeZone}
            onChange={(event) => setTimeZone(event.currentTarget.value)}
            data={zones}
            error={errors.timeZone}
          />
          <Group>
            <Button type="submit" loading={update.isPending} disabled={unchanged}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
