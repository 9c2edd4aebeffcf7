import { ActionIcon, Button, Group, NumberInput, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContactTargets } from "../../../../contracts/attention";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SectionCard } from "../../components/SectionCard";
import { useCurrentUser } from "../auth/currentUser";
import { useSaveTargets, useTargets } from "./hooks";

let rowSerial = 0;
const num = (v: number | string): number | null => (v === "" ? null : Number(v));

/** Contact frequency defaults by company status and by segment (admin edits, everyone reads). */
export function ContactTargetsSettings() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const targets = useTargets();
  const save = useSaveTargets();
  const [form, setForm] = useState<ContactTargets | null>(null);
  // A stable key per segment row while it is being typed (the name is not an identity yet).
  const [rowKeys, setRowKeys] = useState<number[]>([]);
  const mayEdit = me.role === "admin";

  useEffect(() => {
    if (targets.data) {
      setForm(targets.data);
      setRowKeys(targets.data.bySegment.map(() => ++rowSerial));
    }
  }, [targets.data]);

  if (!form) return <ErrorAlert error={targets.error} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(form, {
      onSuccess: () => notifications.show({ color: "green", message: t("cadences.settings.targetsSaved") }),
    });
  };

  return (
    <SectionCard
      title={t("cadences.settings.targetsTitle")}
      description={mayEdit ? t("cadences.settings.targetsHint") : t("cadences.settings.onlyAdmin")}
    >
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <ErrorAlert error={save.error} />
          <Text fw={600} size="sm">
            {t("cadences.settings.byStatus")}
          </Text>
          <Table>
            <Table.Tbody>
              {form.byStatus.map((s, i) => (
                <Table.Tr key={s.status}>
                  <Table.Td>{t(`company.status.${s.status}`)}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${t(`company.status.${s.status}`)}: ${t("cadences.settings.days")}`}
                      min={1}
                      max={730}
                      allowDecimal={false}
                      disabled={!mayEdit}
                      value={s.days ?? ""}
                      onChange={(v) =>
                        setForm({
                          ...form,
                          byStatus: form.byStatus.map((x, j) => (j === i ? { ...x, days: num(v) } : x)),
                        })
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text fw={600} size="sm">
            {t("cadences.settings.bySegment")}
          </Text>
          {form.bySegment.map((s, i) => (
            <Group key={rowKeys[i]} align="flex-end">
              <TextInput
                label={t("cadences.settings.segment")}
                value={s.segment}
                disabled={!mayEdit}
                onChange={(e) => {
                  const segment = e.currentTarget.value;
                  setForm({
                    ...form,
                    bySegment: form.bySegment.map((x, j) => (j === i ? { ...x, segment } : x)),
                  });
                }}
              />
              <NumberInput
                label={t("cadences.settings.days")}
                min={1}
                max={730}
                allowDecimal={false}
                disabled={!mayEdit}
                value={s.days ?? ""}
                onChange={(v) =>
                  setForm({
                    ...form,
                    bySegment: form.bySegment.map((x, j) => (j === i ? { ...x, days: num(v) } : x)),
                  })
                }
              />
              {mayEdit && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={6}
                  aria-label={t("cadences.settings.removeSegment", { name: s.segment })}
                  onClick={() => {
                    setForm({ ...form, bySegment: form.bySegment.filter((_, j) => j !== i) });
                    setRowKeys(rowKeys.filter((_, j) => j !== i));
                  }}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          ))}
          {mayEdit && (
            <Group justify="space-between">
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() =>
                  setForm({ ...form, bySegment: [...form.bySegment, { segment: "", days: 30 }] })
                }
              >
                {t("cadences.settings.addSegment")}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t("cadences.settings.save")}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </SectionCard>
  );
}
