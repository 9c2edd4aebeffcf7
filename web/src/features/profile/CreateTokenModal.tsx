import {
  ActionIcon,
  Alert,
  Button,
  CopyButton,
  Group,
  Modal,
  NativeSelect,
  Stack,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { IconCheck, IconCopy, IconKey } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ApiTokenCreate, TokenScope } from "../../../../contracts/api-tokens";
import { ErrorAlert } from "../../components/ErrorAlert";
import { fieldErrorsOf } from "../../lib/api";
import { type FieldErrors, validate } from "../../lib/validation";
import { type ApiTokenWithSecret, useCreateApiToken } from "./hooks";

export type CreateTokenModalProps = { opened: boolean; onClose: () => void };

export function CreateTokenModal({ opened, onClose }: CreateTokenModalProps) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<ApiTokenWithSecret | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t("profile.tokens.createdTitle") : t("profile.tokens.createTitle")}
      size="lg"
      // The secret is shown once: closing by a stray click outside would lose it.
      closeOnClickOutside={!created}
    >
      {created ? (
        <CreatedToken token={created.token} onDone={close} />
      ) : (
        <TokenForm onCreated={setCreated} onCancel={close} />
      )}
    </Modal>
  );
}

function TokenForm({
  onCreated,
  onCancel,
}: {
  onCreated: (token: ApiTokenWithSecret) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateApiToken();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<z.infer<typeof TokenScope>>("read");
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(ApiTokenCreate, { name, scope });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    create.mutate(checked.data, {
      onSuccess: onCreated,
      onError: (error) => setErrors(fieldErrorsOf(error)),
    });
  };

  const showAlert = create.isError && Object.keys(fieldErrorsOf(create.error)).length === 0;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {showAlert && <ErrorAlert error={create.error} />}
        <TextInput
          label={t("profile.tokens.name")}
          placeholder={t("profile.tokens.namePlaceholder")}
          required
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
        />
        <NativeSelect
          label={t("profile.tokens.scope")}
          value={scope}
          onChange={(event) => {
            const parsed = TokenScope.safeParse(event.currentTarget.value);
            if (parsed.success) setScope(parsed.data);
          }}
          data={TokenScope.options.map((value) => ({ value, label: t(`profile.tokens.scopes.${value}`) }))}
          error={errors.scope}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t("profile.tokens.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CreatedToken({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" icon={<IconKey size={18} aria-hidden />}>
        {t("profile.tokens.createdText")}
      </Alert>
      <TextInput
        label={t("profile.tokens.tokenLabel")}
        value={token}
        readOnly
        ff="monospace"
        onFocus={(event) => event.currentTarget.select()}
        rightSection={
          <CopyButton value={token} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t("common.copied") : t("common.copy")} withArrow>
                <ActionIcon
                  variant="subtle"
                  color={copied ? "teal" : "gray"}
                  onClick={copy}
                  aria-label={t("profile.tokens.copyToken")}
                >
                  {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        }
      />
      <Group justify="flex-end" mt="sm">
        <Button onClick={onDone} data-autofocus>
          {t("profile.tokens.done")}
        </Button>
      </Group>
    </Stack>
  );
}
