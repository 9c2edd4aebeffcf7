import { Button, Group, Modal, NativeSelect, PasswordInput, Stack, Switch, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Role } from "../../../../contracts/common";
import { type User, UserCreate, UserUpdate } from "../../../../contracts/users";
import { ErrorAlert } from "../../components/ErrorAlert";
import { api, fieldErrorsOf, isApiError } from "../../lib/api";
import { type FieldErrors, validate } from "../../lib/validation";
import { useCreateUser, usePossibleHeads, useUpdateUser } from "./hooks";

type FormValues = {
  email: string;
  fullName: string;
  role: Role;
  headId: string | null;
  department: string;
  active: boolean;
  password: string;
};

function initialValues(user: User | null): FormValues {
  return {
    email: user?.email ?? "",
    fullName: user?.fullName ?? "",
    role: user?.role ?? "manager",
    headId: user?.headId ?? null,
    department: user?.department ?? "",
    active: user?.active ?? true,
    password: "",
  };
}

/** Only what the admin actually changed, so a concurrent edit of another field is not overwritten. */
function changes(user: User, values: FormValues): Record<string, unknown> {
  const department = values.department.trim() || null;
  return {
    ...(values.fullName !== user.fullName ? { fullName: values.fullName } : {}),
    ...(values.role !== user.role ? { role: values.role } : {}),
    ...(values.headId !== user.headId ? { headId: values.headId } : {}),
    ...(department !== user.department ? { department } : {}),
    ...(values.active !== user.active ? { active: values.active } : {}),
    ...(values.password ? { password: values.password } : {}),
  };
}

export type UserFormModalProps = { opened: boolean; user: User | null; onClose: () => void };

export function UserFormModal({ opened, user, onClose }: UserFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={user ? t("users.form.editTitle") : t("users.form.createTitle")}
      size="lg"
    >
      {/* Keyed so that opening another user starts from that user's values. */}
      <UserForm key={user?.id ?? "new"} user={user} onDone={onClose} />
    </Modal>
  );
}

function UserForm({ user: initialUser, onDone }: { user: User | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [user, setUser] = useState(initialUser);
  const [values, setValues] = useState(() => initialValues(initialUser));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const create = useCreateUser();
  const update = useUpdateUser();
  const heads = usePossibleHeads();

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const onError = (error: unknown) => {
    const fields = fieldErrorsOf(error);
    setErrors(fields);
    setFailure(Object.keys(fields).length > 0 ? null : error);
  };

  const reloadLatest = async () => {
    if (!user) return;
    try {
      const fresh = await api.get<User>(`/users/${encodeURIComponent(user.id)}`);
      setUser(fresh);
      setValues(initialValues(fresh));
      setFailure(null);
    } catch (error) {
      setFailure(error);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const department = values.department.trim() || null;
    if (!user) {
      const { active: _ignored, ...createValues } = values;
      const checked = validate(UserCreate, { ...createValues, department });
      if (!checked.ok) return setErrors(checked.errors);
      setErrors({});
      create.mutate(checked.data, {
        onSuccess: (created) => {
          notifications.show({ color: "green", message: t("users.created", { name: created.fullName }) });
          onDone();
        },
        onError,
      });
      return;
    }
    const checked = validate(UserUpdate, { version: user.version, ...changes(user, values) });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    update.mutate(
      { id: user.id, body: checked.data },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("users.updated") });
          onDone();
        },
        onError,
      },
    );
  };

  const headOptions = (heads.data ?? [])
    .filter((candidate) => candidate.id !== user?.id)
    .map((candidate) => ({
      value: candidate.id,
      label: `${candidate.fullName} · ${t(`roles.${candidate.role}`)}`,
    }));
  // A head outside the list (deactivated, or the list failed to load) must still show as set.
  if (values.headId && !headOptions.some((option) => option.value === values.headId)) {
    headOptions.push({ value: values.headId, label: t("users.form.unknownHead") });
  }
  const stale = isApiError(failure, "stale_version");
  const pending = create.isPending || update.isPending;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {stale ? (
          <ErrorAlert
            error={failure}
            title={t("errors.staleTitle")}
            message={t("errors.staleText")}
            onRetry={() => void reloadLatest()}
            retryLabel={t("errors.reloadLatest")}
          />
        ) : (
          <ErrorAlert error={failure} />
        )}
        <TextInput
          label={t("users.form.email")}
          type="email"
          autoComplete="off"
          required={!user}
          disabled={Boolean(user)}
          data-autofocus={user ? undefined : true}
          value={values.email}
          onChange={(event) => set("email", event.currentTarget.value)}
          error={errors.email}
        />
        <TextInput
          label={t("users.form.fullName")}
          required
          data-autofocus={user ? true : undefined}
          value={values.fullName}
          onChange={(event) => set("fullName", event.currentTarget.value)}
          error={errors.fullName}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={t("users.form.role")}
            required
            value={values.role}
            onChange={(event) => {
              const parsed = Role.safeParse(event.currentTarget.value);
              if (parsed.success) set("role", parsed.data);
            }}
            data={Role.options.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            error={errors.role}
          />
          <TextInput
            label={t("users.form.department")}
            placeholder={t("users.form.departmentPlaceholder")}
            value={values.department}
            onChange={(event) => set("department", event.currentTarget.value)}
            error={errors.department}
          />
        </Group>
        <NativeSelect
          label={t("users.form.head")}
          description={t("users.form.headHint")}
          value={values.headId ?? ""}
          onChange={(event) => set("headId", event.currentTarget.value || null)}
          data={[{ value: "", label: t("users.form.headPlaceholder") }, ...headOptions]}
          error={errors.headId}
        />
        {user ? (
          <>
            <PasswordInput
              label={t("users.form.newPassword")}
              description={t("users.form.newPasswordHint")}
              autoComplete="new-password"
              value={values.password}
              onChange={(event) => set("password", event.currentTarget.value)}
              error={errors.password}
            />
            <Switch
              label={t("users.form.active")}
              description={t("users.form.activeHint")}
              checked={values.active}
              onChange={(event) => set("active", event.currentTarget.checked)}
              error={errors.active}
            />
          </>
        ) : (
          <PasswordInput
            label={t("users.form.password")}
            description={t("users.form.passwordHint")}
            autoComplete="new-password"
            required
            value={values.password}
            onChange={(event) => set("password", event.currentTarget.value)}
            error={errors.password}
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={pending}>
            {user ? t("users.form.submitEdit") : t("users.form.submitCreate")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
