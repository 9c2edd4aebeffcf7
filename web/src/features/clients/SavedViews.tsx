import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Modal,
  Popover,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconBookmark, IconBookmarkFilled, IconDeviceFloppy, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { SavedViewBody } from "../../../../contracts/views";
import { ErrorAlert } from "../../components/ErrorAlert";
import { fieldErrorsOf } from "../../lib/api";
import { validate } from "../../lib/validation";
import { useDeleteView, useSavedViews, useSaveView } from "./hooks";
import { fromView, type ListState, matchesView, toViewBody } from "./listState";

type Props = { state: ListState; onApply: (state: ListState) => void };

/** Saved filters + sort + columns: pick one, save the current list as one, delete one. */
export function SavedViews({ state, onApply }: Props) {
  const { t } = useTranslation();
  const views = useSavedViews();
  const remove = useDeleteView();
  const [saving, { open, close }] = useDisclosure(false);
  const [opened, setOpened] = useState(false);
  const items = views.data?.items ?? [];
  const current = items.find((view) => matchesView(state, view));

  return (
    <>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" width={300}>
        <Popover.Target>
          <Button
            variant={current ? "light" : "default"}
            size="xs"
            leftSection={
              current ? <IconBookmarkFilled size={14} aria-hidden /> : <IconBookmark size={14} aria-hidden />
            }
            onClick={() => setOpened((o) => !o)}
            aria-label={current ? t("clients.views.current", { name: current.name }) : undefined}
          >
            {current ? current.name : t("clients.views.button")}
          </Button>
        </Popover.Target>
        <Popover.Dropdown p="xs">
          <Stack gap={2} role="group" aria-label={t("clients.views.label")}>
            {items.length === 0 && (
              <Text size="sm" c="dimmed" px="xs" py={6}>
                {t("clients.views.empty")}
              </Text>
            )}
            {items.map((view) => (
              <Group key={view.id} gap={4} wrap="nowrap" justify="space-between">
                <UnstyledButton
                  px="xs"
                  py={6}
                  style={{ flex: 1, borderRadius: 4 }}
                  fz="sm"
                  fw={view.id === current?.id ? 600 : 400}
                  onClick={() => {
                    onApply(fromView(view));
                    setOpened(false);
                  }}
                >
                  {view.name}
                </UnstyledButton>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={t("clients.views.remove", { name: view.name })}
                  onClick={() =>
                    remove.mutate(view.id, {
                      onSuccess: () => notifications.show({ message: t("clients.views.removed") }),
                    })
                  }
                >
                  <IconTrash size={14} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Divider my={4} />
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconDeviceFloppy size={14} aria-hidden />}
              onClick={() => {
                setOpened(false);
                open();
              }}
            >
              {t("clients.views.save")}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <Modal opened={saving} onClose={close} title={t("clients.views.saveTitle")}>
        <SaveViewForm state={state} onDone={close} />
      </Modal>
    </>
  );
}

function SaveViewForm({ state, onDone }: { state: ListState; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveView();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { entity: "companies" as const, name, ...toViewBody(state) };
    const checked = validate(SavedViewBody, body);
    if (!checked.ok) return setError(checked.errors.name);
    save.mutate(body, {
      onSuccess: (view) => {
        notifications.show({ color: "green", message: t("clients.views.saved", { name: view.name }) });
        onDone();
      },
      onError: (failure) => setError(fieldErrorsOf(failure).name),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("clients.views.saveHint")}
        </Text>
        <TextInput
          label={t("clients.views.name")}
          placeholder={t("clients.views.namePlaceholder")}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={error}
          required
          data-autofocus
        />
        {save.isError && !fieldErrorsOf(save.error).name && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
